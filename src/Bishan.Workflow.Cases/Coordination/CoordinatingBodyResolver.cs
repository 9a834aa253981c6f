using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Coordination;

/// <summary>
/// Derives the coordinating body (统筹主体) from tier + action + the case's unit, exactly as the source's tier table:
/// light → the area's education-management centre, serious → the action's lead department, severe → the district task force.
/// </summary>
public sealed class CoordinatingBodyResolver
{
    private readonly OrgTree _tree;

    /// <summary>Checks up front that every unit the rules name exists in <paramref name="tree"/>, so a bad org import fails at startup, not at the first approval.</summary>
    /// <exception cref="ArgumentException">A unit the rules need is missing.</exception>
    public CoordinatingBodyResolver(OrgTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var needed = Enum.GetValues<FiveAction>()
            .SelectMany(a => new[] { LeadDepartments.CoordinatorOf(a), LeadDepartments.CarrierOf(a) })
            .Append(OrgUnitIds.TaskForce)
            .Distinct(StringComparer.Ordinal);
        var missing = needed.Where(id => !tree.Contains(id)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"The org tree lacks units the coordination rules need: {string.Join(", ", missing)}.", nameof(tree));
        }

        _tree = tree;
    }

    /// <summary>The coordinating body of a case at <paramref name="tier"/>.</summary>
    /// <param name="tier">The case's tier, or the target tier of a pending escalation.</param>
    /// <param name="action">The case's primary action.</param>
    /// <param name="caseOrgUnitId">The case's school or community (an area id works too).</param>
    /// <exception cref="KeyNotFoundException">The unit is unknown.</exception>
    /// <exception cref="InvalidOperationException">A light case's unit belongs to no area, so no centre can coordinate it.</exception>
    public CoordinatingBody Resolve(Tier tier, FiveAction action, string caseOrgUnitId)
    {
        ArgumentNullException.ThrowIfNull(caseOrgUnitId);
        var area = _tree.AreaOf(caseOrgUnitId);
        return tier switch
        {
            Tier.Light => Same(tier, area ?? throw new InvalidOperationException(
                $"Org unit '{caseOrgUnitId}' is in no area, so a light case there has no area centre to coordinate it.")),
            Tier.Serious => new(tier, LeadDepartments.CoordinatorOf(action), LeadDepartments.CarrierOf(action)),
            Tier.Severe => Same(tier, OrgUnitIds.TaskForce),
            _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
        };
    }

    /// <summary>
    /// The supervisor one tier up, for overdue escalation: light → the lead department, serious → the task force,
    /// severe → stays with the task force and is flagged for the special report (see <see cref="EscalationTarget"/>).
    /// </summary>
    public EscalationTarget EscalateOverdue(Tier caseTier, FiveAction action, string caseOrgUnitId)
    {
        var above = caseTier.OneUp();
        return above is { } next
            ? new EscalationTarget(Resolve(next, action, caseOrgUnitId), ReportToLeadingGroup: false)
            : new EscalationTarget(Resolve(caseTier, action, caseOrgUnitId), ReportToLeadingGroup: true);
    }

    private static CoordinatingBody Same(Tier tier, string orgUnitId) => new(tier, orgUnitId, orgUnitId);
}
