using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Incidents.ListIncidents;

/// <summary>
/// The incident register, newest first, filtered by kind, area and period (yyyy-MM-dd, inclusive). District-wide readers see
/// every incident, a reporting body its own reports; anyone else 403. Items do not name the linked case (only whether there
/// is one), so the list is not a case read.
/// </summary>
public sealed record ListIncidents(string? Kind = null, string? AreaId = null, string? From = null, string? To = null, int? Skip = null,
    int? Take = null) : IQuery<Page<IncidentDetail>>;

public sealed class ListIncidentsHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree) : IQueryHandler<ListIncidents, Page<IncidentDetail>>
{
    public async ValueTask<Page<IncidentDetail>> Handle(ListIncidents query, CancellationToken cancellationToken)
    {
        var incidents = IncidentAccess.Readable(db.IncidentReports.AsNoTracking(), user, tree);
        var (skip, take) = Paging.Check(query.Skip, query.Take);
        var errors = new InputErrors();
        var kind = errors.Enum<IncidentKind>("kind", query.Kind);
        var (from, to) = IncidentPeriods.Parse(errors, query.From, query.To, defaultFrom: null, defaultTo: null);
        errors.ThrowIfAny();

        if (kind is { } k) incidents = incidents.Where(i => i.Kind == k);
        if (!string.IsNullOrWhiteSpace(query.AreaId))
        {
            var area = query.AreaId.Trim();
            incidents = incidents.Where(i => i.AreaId == area);
        }
        if (from is { } f) incidents = incidents.Where(i => i.OccurredOn >= f);
        if (to is { } t) incidents = incidents.Where(i => i.OccurredOn <= t);

        var total = await incidents.CountAsync(cancellationToken);
        var rows = await incidents.OrderByDescending(i => i.OccurredOn).ThenByDescending(i => i.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return new Page<IncidentDetail>([.. rows.Select(i => IncidentDetail.From(i, tree, null, withCase: false))], total, skip, take);
    }
}
