using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Responsibility;

/// <summary>
/// Who reads 跟踪问效: whoever sees the whole register (leaders, 区督查办, the secretary, the task force, administrators) every
/// unit; a supervisor their own unit and the units under it. Caseworkers are refused (403).
/// </summary>
public static class ResponsibilityAccess
{
    /// <summary>The unit the reader's tree starts at: the leading group, or a supervisor's own unit; null when refused.</summary>
    public static string? RootFor(ICurrentUser user, OrgTree tree)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (CaseScope.For(user, tree).SeesAll) return OrgUnitIds.District;
        return user.IsInRole(Roles.Supervisor) ? user.OrgUnitId : null;
    }

    /// <exception cref="ForbiddenException">The reader may not see this unit's figures.</exception>
    public static void EnsureMayRead(ICurrentUser user, OrgTree tree, string unitId)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var root = RootFor(user, tree);
        if (root is null) throw new ForbiddenException(UseCaseStrings.Format("ResponsibilityForbidden"));
        if (string.Equals(root, OrgUnitIds.District, StringComparison.Ordinal)) return;
        if (!tree.IsUnder(root, unitId))
            throw new ForbiddenException(UseCaseStrings.Format("ResponsibilityOutOfReach", tree.Find(unitId)?.Name ?? unitId));
    }
}
