using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Reports.Sections;
using Bishan.Workflow.Cases.Workflow;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.DemoData;

/// <summary>
/// The demo's past weekly consultation (16 October 2023) has its special report, signed: drafted by <c>secretary</c> from the
/// figure providers that afternoon, signed by <c>supervisor-taskforce</c> the next morning and sent to the leaders and 区督查办
/// (unread, so the leader's inbox shows it). Loads once: nothing happens when the meeting is missing or already has a report.
/// </summary>
public static class DemoSpecialReports
{
    public const string ReportId = "demo-report-20231016";

    public static async Task LoadAsync(ICasesDbContext db, SpecialReportComposer composer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(composer);
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == DemoRegisterLoader.PastWeeklyMeetingId, ct);
        if (meeting is null || await db.SpecialReports.AnyAsync(r => r.Id == ReportId || r.MeetingId == meeting.Id, ct)) return;
        var staff = await StaffDirectory.LoadAsync(db, ct);
        if (staff.ByUserName("secretary") is not { } secretary || staff.ByUserName("supervisor-taskforce") is not { } head) return;

        var held = DateTime.SpecifyKind(meeting.HeldAtUtc ?? meeting.ScheduledAtUtc, DateTimeKind.Utc);
        var drafted = held.AddHours(5);
        var signed = held.AddDays(1);
        var year = TimeZoneInfo.ConvertTimeFromUtc(held, Time.DistrictCalendar.TimeZone).Year;
        var number = (await db.SpecialReports.Where(r => r.Year == year).MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
        var report = new SpecialReport
        {
            Id = ReportId,
            Year = year,
            Number = number,
            NumberText = SpecialReport.FormatNumber(year, number),
            Title = CaseTexts.Format("Report_TitleWeekly"),
            MeetingId = meeting.Id,
            Period = CaseTexts.Format("Report_PeriodMeeting", CaseTexts.Label(meeting.Kind), meeting.Topic, CaseTexts.LocalTime(held)),
            Status = SpecialReportStatus.Issued,
            DraftedByUserId = secretary.UserId,
            CreatedAtUtc = drafted,
            UpdatedAtUtc = signed,
            SubmittedAtUtc = drafted.AddHours(1),
            SignedByUserId = head.UserId,
            SignedAtUtc = signed,
            SignOffComment = "同意报送。",
        };
        foreach (var section in await composer.ComposeAsync(new SectionContext(db, meeting, drafted), ct))
        {
            section.ReportId = report.Id;
            report.Sections.Add(section);
        }
        db.SpecialReports.Add(report);
        db.ApprovalRecords.Add(new ApprovalRecord
        {
            Subject = ApprovalSubject.SpecialReport, Level = 1, Outcome = ApprovalOutcome.Approved, Comment = report.SignOffComment,
            ApproverUserId = head.UserId, DecidedAtUtc = signed,
        });
        await ReportEffects.SendAsync(db, report, signed, ct);
        await db.SaveChangesAsync(ct);
    }
}
