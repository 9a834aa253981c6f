using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Incidents;

/// <summary>
/// Who records and who reads incidents. Recording: administrators, and users of the four reporting bodies with a role that
/// changes data (leaders only read). Reading: whoever sees every case file (administrators, leaders, the secretary, the task
/// force and the leading group) reads every incident; a reporting body reads the incidents it reported; everyone else
/// (schools, communities, areas, other departments) none: 403, as an incident is about a minor.
/// </summary>
public static class IncidentAccess
{
    /// <summary>Whether the user may record an incident, and for which body (<c>null</c>: any, the request names it).</summary>
    public static bool MayRecord(ICurrentUser user) =>
        user.IsInRole(Roles.Administrator) || (ReportingBodies.Contains(user.OrgUnitId) && Permissions.MayWrite(user));

    /// <exception cref="ForbiddenException">The user may not record incidents.</exception>
    public static void EnsureMayRecord(ICurrentUser user)
    {
        if (MayRecord(user)) return;
        throw new ForbiddenException(UseCaseStrings.Format(
            user.IsInRole(Roles.Leader) && !Permissions.MayWrite(user) ? "Role_ReadOnly" : "Incidents_RecordForbidden"));
    }

    /// <summary>Whether the user reads every incident (district-wide readers).</summary>
    public static bool ReadsAll(ICurrentUser user, OrgTree tree) => CaseScope.For(user, tree).SeesAll;

    public static bool MayRead(ICurrentUser user, OrgTree tree) => ReadsAll(user, tree) || ReportingBodies.Contains(user.OrgUnitId);

    /// <summary>The incidents the user may read.</summary>
    /// <exception cref="ForbiddenException">The user may read none.</exception>
    public static IQueryable<IncidentReport> Readable(IQueryable<IncidentReport> incidents, ICurrentUser user, OrgTree tree)
    {
        if (ReadsAll(user, tree)) return incidents;
        if (ReportingBodies.Contains(user.OrgUnitId))
        {
            var unit = user.OrgUnitId!;
            return incidents.Where(i => i.ReportingBodyId == unit);
        }
        throw new ForbiddenException(UseCaseStrings.Format("Incidents_ReadForbidden"));
    }
}
