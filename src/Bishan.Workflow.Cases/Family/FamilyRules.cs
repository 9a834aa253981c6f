using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Family;

/// <summary>Questions about a family that other features ask (the guardianship consultation needs a parent working away).</summary>
public static class FamilyRules
{
    /// <summary>
    /// Whether a parent works away: the situation says so (留守, one parent away), or a father or mother on the file lives
    /// or works outside Bishan.
    /// </summary>
    public static bool ParentWorkingAway(GuardianshipSituation? situation, IEnumerable<FamilyMember> activeMembers) =>
        situation is GuardianshipSituation.BothParentsAway or GuardianshipSituation.OneParentAway
        || activeMembers.Any(IsParentAway);

    /// <summary>A father or mother living or working outside Bishan.</summary>
    public static bool IsParentAway(FamilyMember member) =>
        member.Active && member.Relationship is FamilyRelationship.Father or FamilyRelationship.Mother
        && member.Residence != FamilyResidence.InBishan;
}
