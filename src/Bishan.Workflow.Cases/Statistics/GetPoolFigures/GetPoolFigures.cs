using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Statistics.GetPoolFigures;

/// <summary>
/// The helper resource pool's totals by kind (active helpers), with the social workers by employing unit: one definition
/// for the statistics page, the API and the 专报. Helper kinds and names are not personal data of minors, so every
/// signed-in user reads them, as they read the pool.
/// </summary>
public sealed record GetPoolFigures : IQuery<PoolFigures>;

public sealed record PoolFigures(int Total, IReadOnlyList<PoolKindFigure> ByKind, IReadOnlyList<PoolUnitFigure> SocialWorkersByUnit);

public sealed record PoolKindFigure(HelperKind Kind, string Label, int Count);

public sealed record PoolUnitFigure(string? OrgUnitId, string Name, int Count);

public sealed class GetPoolFiguresHandler(ICasesDbContext db, OrgTree tree) : IQueryHandler<GetPoolFigures, PoolFigures>
{
    public async ValueTask<PoolFigures> Handle(GetPoolFigures query, CancellationToken cancellationToken) =>
        await ComputeAsync(db, tree, cancellationToken);

    /// <summary>The figures, read from the database on every call (no cache: a new helper counts at once).</summary>
    public static async Task<PoolFigures> ComputeAsync(ICasesDbContext db, OrgTree tree, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tree);
        var counts = await db.Helpers.Where(h => h.Active).GroupBy(h => h.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(ct);
        var byKind = Enum.GetValues<HelperKind>()
            .Select(k => new PoolKindFigure(k, DomainLabels.For(k), counts.FirstOrDefault(c => c.Kind == k)?.Count ?? 0))
            .ToList();
        var social = await db.Helpers.Where(h => h.Active && h.Kind == HelperKind.SocialWorker).GroupBy(h => h.OrgUnitId)
            .Select(g => new { OrgUnitId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var byUnit = social
            .Select(s => new PoolUnitFigure(s.OrgUnitId, s.OrgUnitId is null ? "—" : tree.Find(s.OrgUnitId)?.Name ?? s.OrgUnitId, s.Count))
            .OrderByDescending(s => s.Count).ThenBy(s => s.OrgUnitId, StringComparer.Ordinal).ToList();
        return new PoolFigures(byKind.Sum(k => k.Count), byKind, byUnit);
    }
}
