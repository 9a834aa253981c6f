using Bishan.Workflow.Cases.Coordination;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Workflow;

/// <summary>
/// Resolves assignee and recipient rules against a case: <c>case.caseworker</c>, <c>case.coordinator</c> (the
/// supervisors of the coordinating body, at the approval's target tier when it has one), <c>case.coordinator.up</c>
/// (one tier up, as overdue escalation), <c>role:Role@orgUnit</c> (a claimable group), <c>user:name</c>.
/// </summary>
/// <remarks>
/// A coordinating body with exactly one supervisor gets the task assigned; with several, the task waits in the body's
/// group for one of them to claim it, so no one is picked arbitrarily; with none, the task still waits in the group
/// and the case's timeline says that nobody matched, so the gap is visible instead of the task vanishing.
/// </remarks>
public sealed class AssigneeResolver(CoordinatingBodyResolver coordination)
{
    public const string RolePrefix = AssigneeRules.RolePrefix;
    public const string UserPrefix = AssigneeRules.UserPrefix;

    /// <summary>Resolves <paramref name="rule"/> for a task.</summary>
    /// <param name="rule">The rule as written in the workflow.</param>
    /// <param name="case">The task's case, or null for tasks about no case (then only role and user rules resolve).</param>
    /// <param name="targetTier">For approvals: the tier the approval is about (a raise is approved by that tier's body, a
    /// lowering by the body holding the case, see <see cref="ApprovingTier"/>).</param>
    /// <param name="proposedAction">The action screening proposed, used while the case has none yet.</param>
    /// <param name="staff">The users.</param>
    public AssigneeResolution Resolve(string rule, Case? @case, Tier? targetTier, FiveAction? proposedAction, StaffDirectory staff)
    {
        rule = rule.Trim();
        if (rule.StartsWith(RolePrefix, StringComparison.OrdinalIgnoreCase))
            return Group(rule[RolePrefix.Length..]);
        if (rule.StartsWith(UserPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var user = staff.ByUserName(rule[UserPrefix.Length..].Trim());
            return user is null ? AssigneeResolution.Nobody : new AssigneeResolution(user.UserId, null, user.OrgUnitId);
        }
        if (@case is null) return AssigneeResolution.Nobody;

        switch (rule)
        {
            case AssigneeRules.CaseCaseworker:
                if (@case.CaseworkerUserId is { } caseworker) return new AssigneeResolution(caseworker, null, @case.OrgUnitId);
                return Supervisors(Roles.Caseworker, @case.OrgUnitId, staff);
            case AssigneeRules.CaseCoordinator:
                return Supervisors(Roles.Supervisor, CoordinatorOf(@case, ApprovingTier(@case, targetTier), proposedAction).OrgUnitId, staff);
            case AssigneeRules.CaseCoordinatorUp:
                return Supervisors(Roles.Supervisor, OneUpOf(@case, proposedAction).OrgUnitId, staff);
            default:
                return AssigneeResolution.Nobody;
        }
    }

    /// <summary>The users a notification rule reaches: the assignee, or every member of the group.</summary>
    public IReadOnlyList<string> Recipients(string rule, Case? @case, StaffDirectory staff)
    {
        if (string.Equals(rule.Trim(), "meeting.attendees", StringComparison.OrdinalIgnoreCase))
            return staff.AtUnit(OrgUnitIds.TaskForce).Select(m => m.UserId).ToList();
        var resolution = Resolve(rule, @case, null, null, staff);
        if (resolution.UserId is { } user) return [user];
        return resolution.CandidateGroup is { } group ? MembersOf(group, staff) : [];
    }

    /// <summary>The members of a <c>Role@orgUnit</c> group.</summary>
    public static IReadOnlyList<string> MembersOf(string group, StaffDirectory staff)
    {
        var at = group.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? [] : staff.InRole(group[..at], group[(at + 1)..]).Select(m => m.UserId).ToList();
    }

    /// <summary>
    /// The coordinating body for the case at <paramref name="targetTier"/> (else its tier, else light: a case not yet
    /// registered is the area centre's). The action is the case's, else the proposed one, else the referral's suggestion.
    /// </summary>
    public CoordinatingBody CoordinatorOf(Case @case, Tier? targetTier, FiveAction? proposedAction) =>
        coordination.Resolve(targetTier ?? @case.Tier ?? Tier.Light, ActionOf(@case, proposedAction), @case.OrgUnitId);

    /// <summary>
    /// The tier whose body approves a change to <paramref name="targetTier"/>: a raise goes to the target tier's body
    /// (it takes the case on), a lowering of a case in the register to the body that holds it now (it lets the case go:
    /// the task force lowering a severe case to 较重 approves it itself).
    /// </summary>
    public static Tier ApprovingTier(Case @case, Tier? targetTier) =>
        targetTier is { } target && @case.Tier is { } current && target < current
            && @case.Status is CaseStatus.Registered or CaseStatus.ExitEvaluation
            ? current
            : targetTier ?? @case.Tier ?? Tier.Light;

    /// <summary>Where the case's overdue work escalates (one tier up).</summary>
    public EscalationTarget EscalationOf(Case @case, FiveAction? proposedAction = null) =>
        coordination.EscalateOverdue(@case.Tier ?? Tier.Light, ActionOf(@case, proposedAction), @case.OrgUnitId);

    private CoordinatingBody OneUpOf(Case @case, FiveAction? proposedAction) => EscalationOf(@case, proposedAction).Supervisor;

    // Without any action (a referral with no suggestion, before screening) the serious tier has no lead department;
    // mental health is the largest action and its department the likeliest, but the choice only matters for
    // hand-edited workflows that route before screening.
    private static FiveAction ActionOf(Case @case, FiveAction? proposedAction) =>
        @case.PrimaryAction ?? proposedAction ?? @case.SuggestedAction ?? FiveAction.MentalHealth;

    private static AssigneeResolution Supervisors(string role, string orgUnitId, StaffDirectory staff)
    {
        var group = $"{role}@{orgUnitId}";
        var members = staff.InRole(role, orgUnitId);
        return members.Count switch
        {
            1 => new AssigneeResolution(members[0].UserId, group, orgUnitId),
            0 => new AssigneeResolution(null, group, orgUnitId, Unresolved: true),
            _ => new AssigneeResolution(null, group, orgUnitId),
        };
    }

    private static AssigneeResolution Group(string group)
    {
        var at = group.IndexOf('@', StringComparison.Ordinal);
        return new AssigneeResolution(null, group.Trim(), at > 0 ? group[(at + 1)..].Trim() : null);
    }
}
