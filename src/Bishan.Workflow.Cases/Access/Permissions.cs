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
}
