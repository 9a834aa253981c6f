using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Guardianship;

/// <summary>
/// Who does what in the parents-return-home consultation. The civil-affairs department (区民政局, lead of 失管关爱) keeps the
/// employer register and arranges and records consultations, with administrators; the case's caseworker proposes one and
/// reviews the guardianship three months later. Everyone who may write reads the register (phones masked).
/// </summary>
public static class GuardianshipAccess
{
    /// <summary>Supervisors and caseworkers placed at 区民政局.</summary>
    public static bool IsCivilAffairs(ICurrentUser user) =>
        string.Equals(user.OrgUnitId, OrgUnitIds.CivilAffairsBureau, StringComparison.Ordinal)
        && (user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Caseworker));

    /// <summary>Keeps the employer register and arranges, matches and records consultations.</summary>
    public static bool MayKeep(ICurrentUser user) => user.IsInRole(Roles.Administrator) || IsCivilAffairs(user);

    /// <exception cref="ForbiddenException">The user is neither an administrator nor staff of 区民政局.</exception>
    public static void EnsureMayKeep(ICurrentUser user)
    {
        if (!MayKeep(user)) throw new ForbiddenException(UseCaseStrings.Format("Guardianship_KeepForbidden"));
    }

    /// <summary>Reads the register and the consultations' lists: anyone who may write, leaders and inspectors.</summary>
    public static void EnsureMayRead(ICurrentUser user)
    {
        if (!Permissions.MayWrite(user) && !user.IsInRole(Roles.Leader) && !user.IsInRole(Roles.Inspector))
            throw new ForbiddenException(UseCaseStrings.Format("Role_ReadOnly"));
    }

    /// <summary>The case's responsible caseworker; for a case without one, a caseworker of its school or community.</summary>
    public static bool IsCaseworkerFor(ICurrentUser user, Case @case) =>
        user.IsInRole(Roles.Caseworker)
        && (Permissions.IsCaseworkerOf(user, @case)
            || (@case.CaseworkerUserId is null && string.Equals(user.OrgUnitId, @case.OrgUnitId, StringComparison.Ordinal)));
}
