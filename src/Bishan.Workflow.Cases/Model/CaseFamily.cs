using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Model;

/// <summary>The family as a whole on a case file: the guardianship situation and the household's support, one row per case.</summary>
public sealed class CaseFamily
{
    /// <summary>The case's id: one row per file.</summary>
    public string CaseId { get; set; } = "";

    public GuardianshipSituation? Situation { get; set; }
    public HouseholdSupport? Support { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
