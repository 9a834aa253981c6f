using System.Linq.Expressions;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.IdNumbers;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.CaseFiles.ListCases;

/// <summary>
/// Cases in the caller's scope, newest first, with optional filters; <paramref name="Q"/> matches the name, the file
/// number or the last four characters of the ID number (what people quote on the phone). ID numbers are always masked.
/// </summary>
public sealed record ListCases(
    string? Status = null,
    string? Action = null,
    string? Tier = null,
    string? AreaId = null,
    string? OrgUnitId = null,
    string? Q = null,
    int? Skip = null,
    int? Take = null) : IQuery<Page<CaseListItem>>;

public sealed record CaseListItem(
    string Id,
    string FileNumber,
    string Name,
    Gender Gender,
    DateOnly DateOfBirth,
    string? IdNumber,
    string OrgUnitId,
    string AreaId,
    CaseStatus Status,
    FiveAction? PrimaryAction,
    Tier? Tier,
    string? CoordinatingBodyId,
    string? CaseworkerUserId,
    DateTime CreatedAtUtc,
    DateTime? RegisteredAtUtc);

public sealed class ListCasesHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, StampedCache kept, RequestStamps stamps)
    : IQueryHandler<ListCases, Page<CaseListItem>>
{
    public async ValueTask<Page<CaseListItem>> Handle(ListCases query, CancellationToken cancellationToken)
    {
        var (skip, take) = Paging.Check(query.Skip, query.Take);
        var errors = new InputErrors();
        var status = errors.Enum<CaseStatus>("status", query.Status);
        var action = errors.Enum<FiveAction>("action", query.Action);
        var tier = errors.Enum<Tier>("tier", query.Tier);
        var text = errors.Text("q", query.Q, 50);
        errors.ThrowIfAny();

        IQueryable<Case> Filtered(Expression<Func<Case, bool>> part)
        {
            var cases = db.Cases.AsNoTracking().Where(part);
            if (status is { } s) cases = cases.Where(c => c.Status == s);
            if (action is { } a) cases = cases.Where(c => c.PrimaryAction == a);
            if (tier is { } t) cases = cases.Where(c => c.Tier == t);
            if (!string.IsNullOrWhiteSpace(query.AreaId)) cases = cases.Where(c => c.AreaId == query.AreaId);
            if (!string.IsNullOrWhiteSpace(query.OrgUnitId)) cases = cases.Where(c => c.OrgUnitId == query.OrgUnitId);
            if (text is not null)
            {
                // The ID tail ends in the check letter X for one number in eleven. Stored numbers are upper-case (IdNumber
                // normalises them), so upper-casing the search text gives the same answer on SQLite and PostgreSQL.
                var upperTail = text.ToUpperInvariant();
                cases = cases.Where(c => c.Name.Contains(text) || c.FileNumber.Contains(text)
                                         || (text.Length == 4 && c.IdNumber != null && c.IdNumber.EndsWith(upperTail)));
            }
            return cases;
        }

        // The page and the total are kept per scope, filter and page while no case or task changes anywhere (StampedCache,
        // at the version read with the caller's account): a list opened again costs no statement of its own. A text search
        // is typed once and not kept.
        var scope = CaseScope.For(user, tree);
        var version = await StampedCache.KeepVersionAsync(db, stamps, cancellationToken);
        var filter = string.Join('\u001f', scope.Key, status, action, tier, query.AreaId, query.OrgUnitId, text);
        var items = await kept.GetOrComputeAsync(text is null ? version : null,
            string.Join('\u001f', "cases-page", filter, skip, take), () => PageAsync(scope, Filtered, skip, take, cancellationToken),
            page => page.Count);

        // The total: the scope's disjoint parts counted from their indexes.
        var total = await kept.GetOrComputeAsync(version, "cases\u001f" + filter, async () =>
        {
            IQueryable<int>? ones = null;
            foreach (var part in scope.DisjointParts())
            {
                var one = Filtered(part).Select(c => 1);
                ones = ones is null ? one : ones.Concat(one);
            }
            return ones is null ? 0 : await ones.CountAsync(cancellationToken);
        });

        return new Page<CaseListItem>(items, total, skip, take);
    }

    /// <summary>
    /// The scope in parts, each read from its own index in creation order (issue 15): the first skip + take of every part hold
    /// the page of their union, so only those are read, merged and deduplicated (a caseworker's own case may also be in their
    /// unit's part), and the page joined to the list's columns of its rows, in one statement. The multi-index OR this
    /// replaces read and sorted every case in scope.
    /// </summary>
    private async Task<List<CaseListItem>> PageAsync(CaseScope scope, Func<Expression<Func<Case, bool>>, IQueryable<Case>> filtered,
        int skip, int take, CancellationToken ct)
    {
        IQueryable<CaseKey>? firsts = null;
        foreach (var part in scope.Parts())
        {
            var first = filtered(part).OrderByDescending(c => c.CreatedAtUtc).ThenBy(c => c.Id).Take(skip + take)
                .Select(c => new CaseKey { Id = c.Id, CreatedAtUtc = c.CreatedAtUtc });
            firsts = firsts is null ? first : firsts.Union(first);
        }
        if (firsts is null) return [];
        var rows = await firsts.OrderByDescending(k => k.CreatedAtUtc).ThenBy(k => k.Id).Skip(skip).Take(take)
            .Join(db.Cases.AsNoTracking(), k => k.Id, c => c.Id, (k, c) => c).Select(Columns)
            .ToListAsync(ct);
        // Put in order here; ID numbers masked before anything leaves (or is kept).
        return [.. rows.OrderByDescending(c => c.CreatedAtUtc).ThenBy(c => c.Id, StringComparer.Ordinal).Select(Masked)];
    }

    /// <summary>The list's columns of a case, its ID number not yet masked (read as a projection, or applied to a loaded case).</summary>
    private static readonly Expression<Func<Case, CaseListItem>> Columns = c => new CaseListItem(c.Id, c.FileNumber, c.Name,
        c.Gender, c.DateOfBirth, c.IdNumber, c.OrgUnitId, c.AreaId, c.Status, c.PrimaryAction, c.Tier, c.CoordinatingBodyId,
        c.CaseworkerUserId, c.CreatedAtUtc, c.RegisteredAtUtc);

    private static readonly Func<Case, CaseListItem> ColumnsOf = Columns.Compile();

    private static CaseListItem Masked(CaseListItem item) =>
        item.IdNumber is null ? item : item with { IdNumber = IdNumber.MaskText(item.IdNumber) };

    /// <summary>What orders the list (member-initialised so that EF Core can order the union by its members).</summary>
    private sealed class CaseKey
    {
        public string Id { get; init; } = "";
        public DateTime CreatedAtUtc { get; init; }
    }

    /// <summary>A loaded case as the list shows it (ID number masked).</summary>
    internal static CaseListItem ToItem(Case c) => Masked(ColumnsOf(c));
}
