using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Mediator;

namespace Bishan.Workflow.Cases.Meetings.GetMeetingReport;

/// <summary>
/// The special report (专报) of a meeting, for download, by those who see the whole meeting (<see cref="MeetingAccess"/>); a
/// caseworker is refused. 404 while no report was generated. Every download is audited.
/// </summary>
public sealed record GetMeetingReport(string MeetingId) : IQuery<MeetingReport>;

public sealed record MeetingReport(string MeetingId, string FileName, string Title, string Text, string? Recipients, DateTime? GeneratedAtUtc);

public sealed class GetMeetingReportHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : IQueryHandler<GetMeetingReport, MeetingReport>
{
    public async ValueTask<MeetingReport> Handle(GetMeetingReport query, CancellationToken cancellationToken)
    {
        var access = new MeetingAccess(db, user, CaseScope.For(user, tree));
        var meeting = await access.LoadAsync(query.MeetingId, cancellationToken);
        if (!access.SeesAllMeetings) throw new ForbiddenException(UseCaseStrings.Format("Meeting_ReportForbidden"));
        if (meeting.ReportText is not { } text) throw new NotFoundException(UseCaseStrings.Format("Meeting_NoReport", meeting.Topic));

        AuditLog.Add(db, user, time, AuditActions.MeetingReportDownload, nameof(Meeting), meeting.Id);
        await db.SaveChangesAsync(cancellationToken);
        var title = meeting.ReportTitle ?? meeting.Topic;
        var day = TimeZoneInfo.ConvertTimeFromUtc(meeting.ScheduledAtUtc, Time.DistrictCalendar.TimeZone)
            .ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return new MeetingReport(meeting.Id, $"专报-{day}", title, text, meeting.ReportRecipients, meeting.ReportGeneratedAtUtc);
    }
}
