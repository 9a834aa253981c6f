using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Statistics;
using Mediator;

namespace Bishan.Workflow.Cases.Statistics.GetOverview;

/// <summary>
/// The dashboard figures (<see cref="RegisterFigures"/>) over the caller's scope: the cases they may see and the tasks
/// they may see, so an area supervisor's dashboard counts the area and a leader's the district.
/// </summary>
public sealed record GetOverview : IQuery<RegisterFigures>;

/// <remarks>
/// The figures are computed once per scope and kept while no case or task changes anywhere (<see cref="StampedCache"/>,
/// one primary-key read per request) and no open task's due time passes (the overdue count): every figure depends only on
/// those rows and the clock. Computing them reads every case and open task in scope (tens of milliseconds with 10,000 of
/// each), a dashboard is opened far more often than those change (issue 15).
/// </remarks>
public sealed class GetOverviewHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time, StampedCache kept,
    RequestStamps stamps)
    : IQueryHandler<GetOverview, RegisterFigures>
{
    private sealed record Kept(RegisterFigures Figures, DateTime ComputedAtUtc, DateTime? NextDueUtc)
    {
        public bool StandsAt(DateTime nowUtc) => ComputedAtUtc <= nowUtc && (NextDueUtc is null || nowUtc < NextDueUtc);
    }

    public async ValueTask<RegisterFigures> Handle(GetOverview query, CancellationToken cancellationToken)
    {
        var scope = CaseScope.For(user, tree);
        var now = time.GetUtcNow().UtcDateTime;
        // Seeing tasks also depends on the caller's candidate groups and unit (TaskAccess.Visible), except for a scope that
        // sees everything.
        var key = scope.SeesAll
            ? "overview\u001fall"
            : string.Join('\u001f', "overview", scope.Key, string.Join(',', TaskAccess.GroupsOf(user)), user.OrgUnitId);
        // Inside a transaction (a use case asking) the figures may include its own uncommitted writes: counted, not kept.
        var version = await StampedCache.KeepVersionAsync(db, stamps, cancellationToken);
        if (version is { } v && kept.TryGet<Kept>(key, v, out var hit) && hit.StandsAt(now)) return hit.Figures;
        var (figures, nextDue) = await RegisterFigures.ComputeWithNextDueAsync(scope.Apply(db.Cases), TaskAccess.Visible(db, user, scope), now, cancellationToken);
        if (version is { } stored) kept.Set(key, stored, new Kept(figures, now, nextDue));
        return figures;
    }
}
