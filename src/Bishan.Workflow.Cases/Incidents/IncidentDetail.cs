using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Incidents;

/// <summary>
/// An incident as the API and the pages show it. Lists leave out the linked case (<see cref="CaseId"/> and
/// <see cref="FileNumber"/> are null, <see cref="CaseLinked"/> says whether there is one); the single read names it and is
/// audited on the case.
/// </summary>
public sealed record IncidentDetail(long Id, IncidentKind Kind, DateOnly OccurredOn, string AreaId, string AreaName, string? SchoolId,
    string? SchoolName, bool MinorInRegister, bool CaseLinked, string? CaseId, string? FileNumber, string ReportingBodyId,
    string ReportingBodyName, string Description, string? RecordedByUserId, DateTime CreatedAtUtc)
{
    public static IncidentDetail From(IncidentReport i, OrgTree tree, string? fileNumber, bool withCase) =>
        new(i.Id, i.Kind, i.OccurredOn, i.AreaId, NameOf(tree, i.AreaId)!, i.SchoolId, NameOf(tree, i.SchoolId), i.MinorInRegister,
            i.CaseId is not null, withCase ? i.CaseId : null, withCase ? fileNumber : null, i.ReportingBodyId, NameOf(tree, i.ReportingBodyId)!,
            i.Description, i.RecordedByUserId, i.CreatedAtUtc);

    private static string? NameOf(OrgTree tree, string? id) => id is null ? null : tree.Find(id)?.Name ?? id;
}
