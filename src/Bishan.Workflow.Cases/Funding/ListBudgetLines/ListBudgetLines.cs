using Bishan.Workflow.Cases.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Funding.ListBudgetLines;

/// <summary>
/// Budget lines (经费科目) with what is spent and what remains, newest year first. Open to every signed-in user: a caseworker
/// names a line when asking for a subsidy, and lines hold no personal data.
/// </summary>
public sealed record ListBudgetLines(int? Year = null) : IQuery<IReadOnlyList<BudgetLineItem>>;

public sealed record BudgetLineItem(long Id, int Year, string Name, string OrgUnitId, string? OrgUnitName, decimal Amount, decimal Spent,
    decimal Remaining, string? Notes);

public sealed class ListBudgetLinesHandler(ICasesDbContext db, OrgTree tree) : IQueryHandler<ListBudgetLines, IReadOnlyList<BudgetLineItem>>
{
    public async ValueTask<IReadOnlyList<BudgetLineItem>> Handle(ListBudgetLines query, CancellationToken cancellationToken)
    {
        var lines = db.BudgetLines.AsNoTracking();
        if (query.Year is { } year) lines = lines.Where(l => l.Year == year);
        var rows = await lines.ToListAsync(cancellationToken);
        var spent = await FundingLedger.SpentAsync(db, [.. rows.Select(l => l.Id)], cancellationToken);
        return [.. rows.OrderByDescending(l => l.Year).ThenBy(l => l.OrgUnitId, StringComparer.Ordinal).ThenBy(l => l.Id)
            .Select(l => new BudgetLineItem(l.Id, l.Year, l.Name, l.OrgUnitId, tree.Find(l.OrgUnitId)?.Name, l.Amount, spent[l.Id],
                l.Amount - spent[l.Id], l.Notes))];
    }
}
