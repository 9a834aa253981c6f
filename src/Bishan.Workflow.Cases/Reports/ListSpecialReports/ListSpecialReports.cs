using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Model;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Reports.ListSpecialReports;

/// <summary>
/// The archive of special reports, newest first: the task force sees every report, the recipients (leaders, 区督查办) the signed
/// ones. <c>q</c> searches the number (璧山五个行动专报〔2026〕第3期, or just 第3期), the title, the period and the text of the sections;
/// <c>year</c> and <c>status</c> filter. Each item says whether the caller has read it.
/// </summary>
public sealed record ListSpecialReports(string? Q, int? Year, string? Status, int? Skip, int? Take) : IQuery<Page<SpecialReportListItem>>;

public sealed record SpecialReportListItem(string Id, string NumberText, string Title, string Period, SpecialReportStatus Status,
    DateTime CreatedAtUtc, DateTime? SignedAtUtc, int Recipients, int ReadBy, bool? ReadByMe);

public sealed class ListSpecialReportsHandler(ICasesDbContext db, ICurrentUser user) : IQueryHandler<ListSpecialReports, Page<SpecialReportListItem>>
{
    public const int MaxQueryLength = 100;

    public async ValueTask<Page<SpecialReportListItem>> Handle(ListSpecialReports query, CancellationToken cancellationToken)
    {
        ReportAccess.EnsureMayRead(user);
        var errors = new InputErrors();
        var q = errors.Text("q", query.Q, MaxQueryLength);
        var status = errors.Enum<SpecialReportStatus>("status", query.Status);
        if (query.Year is < 2000 or > 2100) errors.Add("year", InputErrors.Message("Report_YearInvalid", "year"));
        var (skip, take) = Paging.Check(query.Skip, query.Take);
        errors.ThrowIfAny();

        var reports = ReportAccess.Visible(db, user).AsNoTracking();
        if (query.Year is { } year) reports = reports.Where(r => r.Year == year);
        if (status is { } s) reports = reports.Where(r => r.Status == s);
        if (q is not null)
            reports = reports.Where(r => r.NumberText.Contains(q) || r.Title.Contains(q) || r.Period.Contains(q)
                                         || db.SpecialReportSections.Any(x => x.ReportId == r.Id && (x.Body.Contains(q) || x.Heading.Contains(q))));
        var total = await reports.CountAsync(cancellationToken);
        var me = user.UserId;
        var rows = await reports.OrderByDescending(r => r.Year).ThenByDescending(r => r.Number).Skip(skip).Take(take)
            .Select(r => new
            {
                r.Id, r.NumberText, r.Title, r.Period, r.Status, r.CreatedAtUtc, r.SignedAtUtc,
                Recipients = db.SpecialReportRecipients.Count(x => x.ReportId == r.Id),
                ReadBy = db.SpecialReportRecipients.Count(x => x.ReportId == r.Id && x.ReadAtUtc != null),
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var mine = await db.SpecialReportRecipients.AsNoTracking().Where(x => x.UserId == me && ids.Contains(x.ReportId))
            .Select(x => new { x.ReportId, x.ReadAtUtc }).ToListAsync(cancellationToken);
        var items = rows.Select(r => new SpecialReportListItem(r.Id, r.NumberText, r.Title, r.Period, r.Status, r.CreatedAtUtc, r.SignedAtUtc,
            r.Recipients, r.ReadBy, mine.FirstOrDefault(m => m.ReportId == r.Id) is { } receipt ? receipt.ReadAtUtc is not null : null)).ToList();
        return new Page<SpecialReportListItem>(items, total, skip, take);
    }
}
