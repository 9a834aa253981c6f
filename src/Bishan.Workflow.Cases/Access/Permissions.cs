using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Access;

/// <summary>What a role may do, independent of scope (which <see cref="CaseScope"/> decides).</summary>
public static class Permissions
{
    /// <summary>Roles that change data: refer, request escalations and exits, record help, work tasks. Leaders only read.</summary>
    public static IReadOnlyList<string> WritingRoles { get; } = [Roles.Administrator, Roles.Caseworker, Roles.Supervisor, Roles.Secretary];

    public static bool MayWrite(ICurrentUser user) => WritingRoles.Any(user.IsInRole);

    /// <exception cref="ForbiddenException">The user has no role that changes data.</exception>
    public static void EnsureMayWrite(ICurrentUser user)
    {
        if (!MayWrite(user)) throw new ForbiddenException(UseCaseStrings.Format("Role_ReadOnly"));
    }

    /// <summary>
    /// Who sees a whole ID number in a case file: administrators and the case's own caseworker (who needs it for
    /// school-registration and benefit paperwork). Everyone else, supervisors and leaders included, sees the masked
    /// form; lists and exports are always masked.
    /// </summary>
    public static bool MaySeeWholeIdNumber(ICurrentUser user, Model.Case @case) =>
        user.IsInRole(Roles.Administrator)
        || (user.UserId is not null && string.Equals(@case.CaseworkerUserId, user.UserId, StringComparison.Ordinal));

    /// <exception cref="ForbiddenException">The user is not an administrator.</exception>
    public static void EnsureAdministrator(ICurrentUser user)
    {
        if (!user.IsInRole(Roles.Administrator)) throw new ForbiddenException(UseCaseStrings.Format("Role_AdministratorOnly"));
    }

    /// <exception cref="ForbiddenException">The user is neither an administrator nor a supervisor (the resource pool, spending).</exception>
    public static void EnsureAdministratorOrSupervisor(ICurrentUser user)
    {
        if (!user.IsInRole(Roles.Administrator) && !user.IsInRole(Roles.Supervisor))
            throw new ForbiddenException(UseCaseStrings.Format("Role_AdministratorOrSupervisorOnly"));
    }

    /// <summary>Whether the user is the case's responsible caseworker (帮扶责任人).</summary>
    public static bool IsCaseworkerOf(ICurrentUser user, Model.Case @case) =>
        user.UserId is not null && string.Equals(@case.CaseworkerUserId, user.UserId, StringComparison.Ordinal);

    /// <summary>
    /// Who changes a case's helper team: its caseworker, the supervisors of the body that coordinates it (统筹主体) or carries
    /// out the help (团区委 for 涉案帮教 at 较重), and administrators.
    /// </summary>
    public static bool MayManageTeam(ICurrentUser user, Model.Case @case) =>
        user.IsInRole(Roles.Administrator)
        || (IsCaseworkerOf(user, @case) && MayWrite(user))
        || (user.IsInRole(Roles.Supervisor) && user.OrgUnitId is { } unit
            && (string.Equals(unit, @case.CoordinatingBodyId, StringComparison.Ordinal) || string.Equals(unit, @case.CarriedOutById, StringComparison.Ordinal)));

    /// <exception cref="ForbiddenException">The user may not change the case's helper team.</exception>
    public static void EnsureMayManageTeam(ICurrentUser user, Model.Case @case)
    {
        if (!MayManageTeam(user, @case)) throw new ForbiddenException(UseCaseStrings.Format("Team_Forbidden", @case.FileNumber));
    }

    /// <summary>
    /// Who runs the task force's meetings: calls special meetings (专题会), puts cases on an agenda, starts the weekly
    /// consultation and records attendance, minutes and decisions: the secretary (专班秘书), the task force's supervisors and
    /// administrators. Leaders, caseworkers and other supervisors read meetings only.
    /// </summary>
    public static bool MayRunMeetings(ICurrentUser user) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Secretary)
        || (user.IsInRole(Roles.Supervisor) && string.Equals(user.OrgUnitId, Organisation.OrgUnitIds.TaskForce, StringComparison.Ordinal));

    /// <exception cref="ForbiddenException">The user may not run meetings.</exception>
    public static void EnsureMayRunMeetings(ICurrentUser user)
    {
        if (!MayRunMeetings(user)) throw new ForbiddenException(UseCaseStrings.Format("Meeting_RunForbidden"));
    }
}
