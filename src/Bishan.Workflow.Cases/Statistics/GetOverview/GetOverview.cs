using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Statistics.GetOverview;

/// <summary>
/// The dashboard figures, over the caller's scope. Register figures count register periods (入库 … 出库), as the
/// source does: <c>registeredTotal</c> is everyone ever registered (a re-entry counts again), <c>exitedTotal</c> the
/// periods that ended in an exit, <c>inRegister</c> the cases in the register now (registered or in exit evaluation).
/// <c>byAction</c>, <c>byTier</c> and <c>byArea</c> split <c>registeredTotal</c> (action and tier at registration),
/// so each adds up to it, like the source's 52/4/36/73/311 = 476.
/// </summary>
public sealed record GetOverview : IQuery<Overview>;

public sealed record Overview(
    int RegisteredTotal,
    int ExitedTotal,
    int InRegister,
    IReadOnlyDictionary<string, int> ByAction,
    IReadOnlyDictionary<string, int> ByTier,
    IReadOnlyDictionary<string, int> ByArea,
    int OverdueTasks,
    int PendingApprovals);

public sealed class GetOverviewHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time) : IQueryHandler<GetOverview, Overview>
{
    public async ValueTask<Overview> Handle(GetOverview query, CancellationToken ct)
    {
        var scope = CaseScope.For(user, tree);
        var cases = scope.Apply(db.Cases.AsNoTracking());
        var periods = await (from r in db.CaseRegistrations.AsNoTracking()
                             join c in cases on r.CaseId equals c.Id
                             select new { r.PrimaryAction, r.Tier, r.ExitedAtUtc, c.AreaId }).ToListAsync(ct);
        var inRegister = await cases.CountAsync(c => c.Status == CaseStatus.Registered || c.Status == CaseStatus.ExitEvaluation, ct);

        var now = time.GetUtcNow().UtcDateTime;
        var open = TaskAccess.Visible(db, user, scope).Where(t => t.Status == WorkTaskStatus.Open);
        var overdue = await open.CountAsync(t => t.DueAtUtc != null && t.DueAtUtc < now, ct);
        var pendingApprovals = await open.CountAsync(t => t.Kind.StartsWith(WorkTaskKinds.ApprovalPrefix), ct);

        return new Overview(
            periods.Count,
            periods.Count(p => p.ExitedAtUtc != null),
            inRegister,
            Enum.GetValues<FiveAction>().ToDictionary(a => a.ToString(), a => periods.Count(p => p.PrimaryAction == a)),
            Enum.GetValues<Tier>().ToDictionary(t => t.ToString(), t => periods.Count(p => p.Tier == t)),
            tree.OfKind(OrgUnitKind.Area).ToDictionary(a => a.Id, a => periods.Count(p => p.AreaId == a.Id)),
            overdue,
            pendingApprovals);
    }
}
