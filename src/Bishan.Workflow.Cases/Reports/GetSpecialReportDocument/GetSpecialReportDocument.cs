using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Reports.GetSpecialReport;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Workflow;
using Mediator;

namespace Bishan.Workflow.Cases.Reports.GetSpecialReportDocument;

/// <summary>
/// A special report laid out for print, PDF or Word: the platform and issuing unit for the header, the number, the date (signed,
/// else drafted), the recipients, the sections. Audited <c>report.download</c> with the format; a recipient's download counts as
/// reading it. Who may read the report may download it (<see cref="ReportAccess.LoadReadableAsync"/>).
/// </summary>
public sealed record GetSpecialReportDocument(string Id, string? Format) : ICommand<SpecialReportDocument>;

public sealed record SpecialReportDocument(string Id, string Platform, string Unit, string NumberText, string Title, string Period,
    string DateText, string Recipients, SpecialReportStatus Status, string StatusText, string? SignedBy,
    IReadOnlyList<SpecialReportSectionView> Sections, string FileName);

public sealed class GetSpecialReportDocumentHandler(ICasesDbContext db, ICurrentUser user, TimeProvider time)
    : ICommandHandler<GetSpecialReportDocument, SpecialReportDocument>
{
    public static readonly IReadOnlyList<string> Formats = ["html", "pdf", "docx"];

    public async ValueTask<SpecialReportDocument> Handle(GetSpecialReportDocument command, CancellationToken cancellationToken)
    {
        var format = command.Format?.Trim().ToLowerInvariant() ?? "html";
        if (!Formats.Contains(format, StringComparer.Ordinal))
            throw InvalidInputException.For("format", InputErrors.Message("Field_NotOneOf", "format", string.Join(", ", Formats)));
        var report = await ReportAccess.LoadReadableAsync(db, user, command.Id, cancellationToken);
        await GetSpecialReportHandler.RecordReadingAsync(db, user, report, time.GetUtcNow().UtcDateTime, cancellationToken);
        AuditLog.Add(db, user, time, AuditActions.ReportDownload, nameof(SpecialReport), report.Id, $"{format} {report.NumberText}");
        await db.SaveChangesAsync(cancellationToken);

        var names = await StaffNames.LoadAsync(db, [report.SignedByUserId], cancellationToken);
        var at = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(report.SignedAtUtc ?? report.CreatedAtUtc, DateTimeKind.Utc), DistrictCalendar.TimeZone);
        var date = at.ToString("yyyy年M月d日", CaseTexts.Culture);
        return new SpecialReportDocument(report.Id, CaseTexts.Format("Report_Platform"), CaseTexts.Format("Report_Unit"), report.NumberText,
            report.Title, report.Period, date, CaseTexts.Format("Report_RecipientsLine"), report.Status, CaseTexts.Label(report.Status),
            report.SignedByUserId is null ? null : names.Of(report.SignedByUserId),
            [.. report.Sections.OrderBy(s => s.Position).Select(s => new SpecialReportSectionView(s.Key, s.Heading, s.Body))],
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"专报-{report.Year}-{report.Number:000}"));
    }
}
