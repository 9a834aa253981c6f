using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Supervision;

/// <summary>
/// Who issues supervision notices (区督查办's inspectors and administrators) and who reads one: whoever sees the whole
/// register, and the supervisors of the unit it is addressed to (or of a unit above it).
/// </summary>
public static class SupervisionAccess
{
    public static bool MayIssue(ICurrentUser user) => user.IsInRole(Roles.Inspector) || user.IsInRole(Roles.Administrator);

    /// <exception cref="ForbiddenException">The user does not issue supervision notices.</exception>
    public static void EnsureMayIssue(ICurrentUser user)
    {
        if (!MayIssue(user)) throw new ForbiddenException(UseCaseStrings.Format("SupervisionIssueForbidden"));
    }

    public static bool MayRead(ICurrentUser user, OrgTree tree, SupervisionNotice notice) =>
        CaseScope.For(user, tree).SeesAll
        || (user.IsInRole(Roles.Supervisor) && user.OrgUnitId is { } unit && tree.IsUnder(unit, notice.UnitId));

    /// <summary>Whether a completed review or answer task of the notice may be done by this user (the task's own rules decide who holds it).</summary>
    public static bool IsInspectorTask(WorkTask task) =>
        task.CandidateGroup is { } group && group.StartsWith(Roles.Inspector + "@", StringComparison.Ordinal);
}
