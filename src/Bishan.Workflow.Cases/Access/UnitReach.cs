using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;

namespace Bishan.Workflow.Cases.Access;

/// <summary>
/// Which units' resources (helpers, budget lines) a user keeps: everyone who sees every case keeps all, including the
/// district-wide ones (no unit); anyone else their own unit and the units under it (an area centre its schools).
/// </summary>
public static class UnitReach
{
    public static bool Reaches(ICurrentUser user, OrgTree tree, string? orgUnitId) =>
        CaseScope.For(user, tree).SeesAll
        || (orgUnitId is not null && user.OrgUnitId is { } mine && tree.IsUnder(mine, orgUnitId));

    /// <exception cref="ForbiddenException">The unit is out of the user's reach.</exception>
    public static void Ensure(ICurrentUser user, OrgTree tree, string? orgUnitId)
    {
        if (!Reaches(user, tree, orgUnitId))
            throw new ForbiddenException(UseCaseStrings.Format("Unit_OutOfReach", orgUnitId is null ? "-" : tree.Find(orgUnitId)?.Name ?? orgUnitId));
    }
}
