using Bishan.Workflow.Cases.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.CaseFiles.GetFileNumbers;

/// <summary>
/// The file numbers (BS-2026-0001) of the given case ids, for the administrator's instance list (issue 14): a case
/// workflow's correlation id is its case id, and people quote file numbers. Only the number is read, no personal data,
/// so nothing is audited; ids that are not cases are left out.
/// </summary>
public sealed record GetFileNumbers(IReadOnlyCollection<string> CaseIds) : IQuery<IReadOnlyDictionary<string, string>>;

public sealed class GetFileNumbersHandler(ICasesDbContext db, ICurrentUser user)
    : IQueryHandler<GetFileNumbers, IReadOnlyDictionary<string, string>>
{
    public async ValueTask<IReadOnlyDictionary<string, string>> Handle(GetFileNumbers query, CancellationToken cancellationToken)
    {
        Permissions.EnsureAdministrator(user);
        var ids = query.CaseIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).Take(500).ToList();
        if (ids.Count == 0) return new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.FileNumber }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.FileNumber, StringComparer.Ordinal);
    }
}
