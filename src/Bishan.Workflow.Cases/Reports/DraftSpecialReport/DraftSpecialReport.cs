using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Reports.Sections;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Workflow;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Reports.DraftSpecialReport;

/// <summary>
/// Drafts a special report (专报) from live figures: the next number of the year, a title, and one section per figure provider
/// (<see cref="SpecialReportComposer"/>); with a meeting (a held 周会商, 月度专题会 or 专题会) it reports on that meeting. A meeting has
/// at most one report that is not returned. By the task force (<see cref="ReportAccess.EnsureMayDraft"/>).
/// </summary>
public sealed record DraftSpecialReport(string? MeetingId, string? Title) : ICommand<SpecialReportView>;

public sealed class DraftSpecialReportHandler(ICasesDbContext db, ICurrentUser user, TimeProvider time, SpecialReportComposer composer)
    : ICommandHandler<DraftSpecialReport, SpecialReportView>
{
    public const int MaxTitleLength = 200;

    public async ValueTask<SpecialReportView> Handle(DraftSpecialReport command, CancellationToken cancellationToken)
    {
        ReportAccess.EnsureMayDraft(user);
        var errors = new InputErrors();
        var title = errors.Text("title", command.Title, MaxTitleLength);
        Meeting? meeting = null;
        if (!string.IsNullOrWhiteSpace(command.MeetingId))
        {
            var id = command.MeetingId.Trim();
            meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
            if (meeting is null) errors.Add("meetingId", InputErrors.Message("Report_MeetingUnknown", "meetingId", id));
            else if (meeting.Status == MeetingStatus.Scheduled) errors.Add("meetingId", InputErrors.Message("Report_MeetingNotHeld", "meetingId", meeting.Topic));
        }
        errors.ThrowIfAny();
        // Drafts on any node run one after another from here to their commit: each takes the next number of the year (the
        // unique index on year and number stays as the last guard), and one meeting never gets two reports.
        var year = DistrictCalendar.Today(time).Year;
        await db.LockNameAsync("special-report-drafts", cancellationToken);
        if (meeting is not null
            && await db.SpecialReports.Where(r => r.MeetingId == meeting.Id && r.Status != SpecialReportStatus.Returned)
                .Select(r => r.NumberText).FirstOrDefaultAsync(cancellationToken) is { } existing)
            throw new ConflictException(UseCaseStrings.Format("Report_MeetingHasReport", meeting.Topic, existing));

        var now = time.GetUtcNow().UtcDateTime;
        var number = (await db.SpecialReports.Where(r => r.Year == year).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0) + 1;
        var report = new SpecialReport
        {
            Id = Guid.NewGuid().ToString("N"),
            Year = year,
            Number = number,
            NumberText = SpecialReport.FormatNumber(year, number),
            Title = title ?? DefaultTitle(meeting),
            MeetingId = meeting?.Id,
            Period = meeting is null
                ? CaseTexts.Format("Report_PeriodAsOf", CaseTexts.LocalTime(now))
                : CaseTexts.Format("Report_PeriodMeeting", CaseTexts.Label(meeting.Kind), meeting.Topic, CaseTexts.LocalTime(meeting.HeldAtUtc ?? meeting.ScheduledAtUtc)),
            Status = SpecialReportStatus.Draft,
            DraftedByUserId = user.UserId ?? "",
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        foreach (var section in await composer.ComposeAsync(new SectionContext(db, meeting, now), cancellationToken))
        {
            section.ReportId = report.Id;
            report.Sections.Add(section);
        }
        db.SpecialReports.Add(report);
        AuditLog.Add(db, user, time, AuditActions.ReportDraft, nameof(SpecialReport), report.Id, report.NumberText);
        await db.SaveChangesAsync(cancellationToken);
        return await SpecialReportView.OfAsync(db, user, report, cancellationToken);
    }

    private static string DefaultTitle(Meeting? meeting) => meeting?.Kind switch
    {
        MeetingKind.Weekly => CaseTexts.Format("Report_TitleWeekly"),
        MeetingKind.Monthly => CaseTexts.Format("Report_TitleMonthly"),
        MeetingKind.Special => CaseTexts.Format("Report_TitleSpecial", meeting.Topic),
        _ => CaseTexts.Format("Report_TitleGeneral"),
    };
}
