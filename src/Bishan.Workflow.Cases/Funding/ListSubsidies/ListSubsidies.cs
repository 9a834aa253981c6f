using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Funding.ListExpenditures;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Funding.ListSubsidies;

/// <summary>
/// Family subsidies, newest first, optionally of one <paramref name="Status"/>, for those who read the spending
/// (<see cref="ListExpendituresHandler.ReaderRoles"/>) and only for cases in the caller's scope. Cases appear by file number
/// only, as in the expenditures.
/// </summary>
public sealed record ListSubsidies(string? Status = null, int? Skip = null, int? Take = null) : IQuery<Page<SubsidyListItem>>;

public sealed record SubsidyListItem(long Id, string CaseId, string FileNumber, decimal Amount, string Reason, SubsidyStatus Status,
    long? BudgetLineId, string? BudgetLineName, DateTime RequestedAtUtc, DateTime? DecidedAtUtc, DateTime? PaidAtUtc);

public sealed class ListSubsidiesHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree) : IQueryHandler<ListSubsidies, Page<SubsidyListItem>>
{
    public async ValueTask<Page<SubsidyListItem>> Handle(ListSubsidies query, CancellationToken cancellationToken)
    {
        if (!ListExpendituresHandler.ReaderRoles.Any(user.IsInRole)) throw new ForbiddenException(UseCaseStrings.Format("Funding_ReadForbidden"));
        var (skip, take) = Paging.Check(query.Skip, query.Take);
        var errors = new InputErrors();
        var status = errors.Enum<SubsidyStatus>("status", query.Status);
        errors.ThrowIfAny();

        var cases = CaseScope.For(user, tree).Apply(db.Cases.AsNoTracking());
        var subsidies = from s in db.Subsidies.AsNoTracking()
                        join c in cases on s.CaseId equals c.Id
                        select new { s, c.FileNumber };
        if (status is { } wanted) subsidies = subsidies.Where(r => r.s.Status == wanted);

        var total = await subsidies.CountAsync(cancellationToken);
        var rows = await subsidies.OrderByDescending(r => r.s.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        var lineIds = rows.Where(r => r.s.BudgetLineId != null).Select(r => r.s.BudgetLineId!.Value).Distinct().ToList();
        var lines = await db.BudgetLines.AsNoTracking().Where(l => lineIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Name, cancellationToken);
        return new Page<SubsidyListItem>([.. rows.Select(r => new SubsidyListItem(r.s.Id, r.s.CaseId, r.FileNumber, r.s.Amount, r.s.Reason,
            r.s.Status, r.s.BudgetLineId, r.s.BudgetLineId is { } id && lines.TryGetValue(id, out var name) ? name : null,
            r.s.RequestedAtUtc, r.s.DecidedAtUtc, r.s.PaidAtUtc))], total, skip, take);
    }
}
