using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Funding.RecordExpenditure;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Funding.ListExpenditures;

/// <summary>
/// Expenditures, newest first, for administrators, supervisors, leaders and the secretary. A supervisor who does not see
/// every case sees the spending of lines of their unit and the spending for cases in their scope. Cases appear by file
/// number only.
/// </summary>
public sealed record ListExpenditures(long? BudgetLineId = null, string? CaseId = null, int? Skip = null, int? Take = null)
    : IQuery<Page<ExpenditureItem>>;

public sealed class ListExpendituresHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree) : IQueryHandler<ListExpenditures, Page<ExpenditureItem>>
{
    public static IReadOnlyList<string> ReaderRoles { get; } = [Roles.Administrator, Roles.Supervisor, Roles.Leader, Roles.Secretary, Roles.Inspector];

    public async ValueTask<Page<ExpenditureItem>> Handle(ListExpenditures query, CancellationToken cancellationToken)
    {
        if (!ReaderRoles.Any(user.IsInRole)) throw new ForbiddenException(UseCaseStrings.Format("Funding_ReadForbidden"));
        var (skip, take) = Paging.Check(query.Skip, query.Take);
        var scope = CaseScope.For(user, tree);

        var lines = await db.BudgetLines.AsNoTracking().ToDictionaryAsync(l => l.Id, cancellationToken);
        var expenditures = db.Expenditures.AsNoTracking();
        if (!scope.SeesAll)
        {
            var reachable = lines.Values.Where(l => UnitReach.Reaches(user, tree, l.OrgUnitId)).Select(l => l.Id).ToList();
            var visibleCases = scope.Apply(db.Cases).Select(c => c.Id);
            expenditures = expenditures.Where(x => reachable.Contains(x.BudgetLineId) || (x.CaseId != null && visibleCases.Contains(x.CaseId)));
        }
        if (query.BudgetLineId is { } lineId) expenditures = expenditures.Where(x => x.BudgetLineId == lineId);
        if (!string.IsNullOrWhiteSpace(query.CaseId)) expenditures = expenditures.Where(x => x.CaseId == query.CaseId);

        var total = await expenditures.CountAsync(cancellationToken);
        var rows = await (from x in expenditures
                          join c in db.Cases.AsNoTracking() on x.CaseId equals c.Id into cs
                          from c in cs.DefaultIfEmpty()
                          orderby x.Id descending
                          select new { x, FileNumber = c == null ? null : c.FileNumber }).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return new Page<ExpenditureItem>([.. rows.Select(r => new ExpenditureItem(r.x.Id, r.x.BudgetLineId,
            lines.TryGetValue(r.x.BudgetLineId, out var line) ? line.Name : "", r.x.Amount, r.x.Purpose, r.x.CaseId, r.FileNumber, r.x.SubsidyId,
            r.x.SpentOn, r.x.RecordedByUserId, r.x.CreatedAtUtc))], total, skip, take);
    }
}
