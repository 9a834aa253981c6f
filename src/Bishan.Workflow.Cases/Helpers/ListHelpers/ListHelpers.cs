using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Helpers.ListHelpers;

/// <summary>
/// The helper resource pool (帮扶资源库) with each helper's workload. Open to every signed-in user: caseworkers pick helpers
/// from it, and it holds no minor's data. <paramref name="OrgUnitId"/> matches the unit and the units under it;
/// <paramref name="Q"/> the name, team or specialty.
/// </summary>
public sealed record ListHelpers(string? Kind = null, string? OrgUnitId = null, string? Q = null, bool? Active = null, int? Skip = null,
    int? Take = null) : IQuery<Page<HelperItem>>;

public sealed class ListHelpersHandler(ICasesDbContext db, OrgTree tree, TimeProvider time) : IQueryHandler<ListHelpers, Page<HelperItem>>
{
    public async ValueTask<Page<HelperItem>> Handle(ListHelpers query, CancellationToken cancellationToken)
    {
        var (skip, take) = Paging.Check(query.Skip, query.Take);
        var errors = new InputErrors();
        var kind = errors.Enum<HelperKind>("kind", query.Kind);
        var text = errors.Text("q", query.Q, 50);
        var unit = errors.Text("orgUnitId", query.OrgUnitId, 64);
        errors.ThrowIfAny();

        var helpers = db.Helpers.AsNoTracking();
        if (kind is { } k) helpers = helpers.Where(h => h.Kind == k);
        if (query.Active is { } active) helpers = helpers.Where(h => h.Active == active);
        if (unit is not null)
        {
            var units = tree.Units.Where(u => tree.IsUnder(unit, u.Id)).Select(u => u.Id).ToList();
            helpers = helpers.Where(h => h.OrgUnitId != null && units.Contains(h.OrgUnitId));
        }
        if (text is not null)
            helpers = helpers.Where(h => h.Name.Contains(text) || (h.TeamName != null && h.TeamName.Contains(text))
                                         || (h.Specialty != null && h.Specialty.Contains(text)));

        var total = await helpers.CountAsync(cancellationToken);
        var rows = await helpers.OrderBy(h => h.Kind).ThenBy(h => h.Name).ThenBy(h => h.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        var workload = await HelperWorkload.ForAsync(db, [.. rows.Select(h => h.Id)], time.GetUtcNow().UtcDateTime, cancellationToken);
        return new Page<HelperItem>([.. rows.Select(h => HelperItem.Of(h, workload[h.Id], tree))], total, skip, take);
    }
}
