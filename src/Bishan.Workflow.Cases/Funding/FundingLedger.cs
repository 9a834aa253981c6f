using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Funding;

/// <summary>
/// What is spent from budget lines: the one sum the API's figures, the overspend check and the subsidy gate share. Sums run
/// in memory over the stored fen amounts plus rows added to the unit of work and not saved yet (an earlier effect of the
/// same workflow pass), so a pass cannot overspend a line by spending twice before it commits.
/// </summary>
public static class FundingLedger
{
    public static async Task<IReadOnlyDictionary<long, decimal>> SpentAsync(ICasesDbContext db, IReadOnlyCollection<long> lineIds, CancellationToken ct)
    {
        var ids = lineIds.Distinct().ToList();
        var stored = await db.Expenditures.AsNoTracking().Where(x => ids.Contains(x.BudgetLineId))
            .Select(x => new { x.Id, x.BudgetLineId, x.Amount }).ToListAsync(ct);
        var storedIds = stored.Select(x => x.Id).ToHashSet();
        var pending = db.Expenditures.Local.Where(x => ids.Contains(x.BudgetLineId) && !storedIds.Contains(x.Id));
        return ids.ToDictionary(id => id, id =>
            stored.Where(x => x.BudgetLineId == id).Sum(x => x.Amount) + pending.Where(x => x.BudgetLineId == id).Sum(x => x.Amount));
    }

    public static async Task<decimal> RemainingAsync(ICasesDbContext db, BudgetLine line, CancellationToken ct) =>
        line.Amount - (await SpentAsync(db, [line.Id], ct))[line.Id];
}
