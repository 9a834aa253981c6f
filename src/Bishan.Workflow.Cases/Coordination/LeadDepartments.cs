using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Coordination;

/// <summary>
/// The lead department of each action (牵头部门), from the source's classified-management table.
/// Kept as a rule rather than looked up from <see cref="OrgUnit.Actions"/> because two departments work on
/// 涉案帮教 and only one of them coordinates.
/// </summary>
public static class LeadDepartments
{
    /// <summary>
    /// The department that coordinates an action at the serious tier. For <see cref="FiveAction.CaseInvolved"/>
    /// this is 区委政法委: the source says it 统筹协调 (coordinates), which is what 统筹主体 means, so approvals go there.
    /// </summary>
    public static string CoordinatorOf(FiveAction action) => action switch
    {
        FiveAction.DropoutPrevention or FiveAction.SpecialEducation => OrgUnitIds.EducationCommission,
        FiveAction.CaseInvolved => OrgUnitIds.PoliticalLegalCommittee,
        FiveAction.Unsupervised => OrgUnitIds.CivilAffairsBureau,
        FiveAction.MentalHealth => OrgUnitIds.HealthCommission,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown action."),
    };

    /// <summary>
    /// The department that carries out the help for an action. Only <see cref="FiveAction.CaseInvolved"/>
    /// differs from the coordinator: 团区委 具体实施 (carries out).
    /// </summary>
    public static string CarrierOf(FiveAction action) =>
        action == FiveAction.CaseInvolved ? OrgUnitIds.YouthLeague : CoordinatorOf(action);
}
