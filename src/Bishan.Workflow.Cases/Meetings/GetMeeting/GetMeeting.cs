using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Meetings.GetMeeting;

/// <summary>
/// A meeting for the UI: agenda (file numbers; names whole for cases in the caller's scope, masked otherwise), attendance,
/// minutes, decisions with their tasks' status, and the special report (专报). A caseworker sees their own cases only
/// (<see cref="MeetingAccess"/>). The agenda names minors, so every read is audited.
/// </summary>
public sealed record GetMeeting(string MeetingId) : IQuery<MeetingDetail>;

public sealed record MeetingDetail(string Id, MeetingKind Kind, string Topic, DateTime ScheduledAtUtc, MeetingStatus Status, DateTime? HeldAtUtc,
    string? Attendance, string? Minutes, IReadOnlyList<AgendaItemView> Agenda, IReadOnlyList<DecisionView> Decisions, ReportView? Report,
    bool Limited, string? Place = null, IReadOnlyList<AttendeeView>? Attendees = null, bool CanRecord = false, bool MinutesOpen = false);

/// <summary>Someone recorded as attending: a user (<see cref="UserId"/>) or a helper of the pool (<see cref="HelperId"/>).</summary>
public sealed record AttendeeView(string? UserId, long? HelperId, string Name);

public sealed record AgendaItemView(string CaseId, string FileNumber, string Name, bool NameMasked, AgendaReason Reason, string? Note);

public sealed record DecisionView(long Id, string? CaseId, string? FileNumber, string Text, string? TaskId, WorkTaskStatus? TaskStatus,
    string? TaskOutcome, DateTime? TaskCompletedAtUtc);

public sealed record ReportView(string? Title, string Text, string? Recipients, DateTime? GeneratedAtUtc);

public sealed class GetMeetingHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time) : IQueryHandler<GetMeeting, MeetingDetail>
{
    public async ValueTask<MeetingDetail> Handle(GetMeeting query, CancellationToken cancellationToken)
    {
        var scope = CaseScope.For(user, tree);
        var access = new MeetingAccess(db, user, scope);
        var meeting = await access.LoadAsync(query.MeetingId, cancellationToken);
        var full = access.SeesAllMeetings;

        var visibleIds = (await access.VisibleCaseIds.Where(id => db.MeetingAgendaItems.Any(a => a.MeetingId == meeting.Id && a.CaseId == id)
                                                                  || db.MeetingDecisions.Any(d => d.MeetingId == meeting.Id && d.CaseId == id))
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var agendaRows = await (from a in db.MeetingAgendaItems.AsNoTracking()
                                join c in db.Cases.AsNoTracking() on a.CaseId equals c.Id
                                where a.MeetingId == meeting.Id
                                orderby a.Id
                                select new { a.CaseId, c.FileNumber, c.Name, a.Reason, a.Note }).ToListAsync(cancellationToken);
        var agenda = agendaRows.Where(a => full || visibleIds.Contains(a.CaseId))
            .Select(a => visibleIds.Contains(a.CaseId)
                ? new AgendaItemView(a.CaseId, a.FileNumber, a.Name, false, a.Reason, a.Note)
                : new AgendaItemView(a.CaseId, a.FileNumber, PersonNames.Mask(a.Name), true, a.Reason, null))
            .ToList();

        var decisionRows = await (from d in db.MeetingDecisions.AsNoTracking()
                                  join c in db.Cases.AsNoTracking() on d.CaseId equals c.Id into cs
                                  from c in cs.DefaultIfEmpty()
                                  join t in db.WorkTasks.AsNoTracking() on d.TaskId equals t.Id into ts
                                  from t in ts.DefaultIfEmpty()
                                  where d.MeetingId == meeting.Id
                                  orderby d.Id
                                  select new
                                  {
                                      d.Id, d.CaseId, FileNumber = c == null ? null : c.FileNumber, d.Text, d.TaskId,
                                      TaskStatus = t == null ? (WorkTaskStatus?)null : t.Status, Outcome = t == null ? null : t.Outcome,
                                      CompletedAtUtc = t == null ? null : t.CompletedAtUtc,
                                  }).ToListAsync(cancellationToken);
        var decisions = decisionRows.Where(d => full || (d.CaseId is not null && visibleIds.Contains(d.CaseId)))
            .Select(d => new DecisionView(d.Id, d.CaseId, d.FileNumber, d.Text, d.TaskId, d.TaskStatus, d.Outcome, d.CompletedAtUtc))
            .ToList();

        AuditLog.Add(db, user, time, AuditActions.MeetingRead, nameof(Meeting), meeting.Id, full ? "full" : $"own cases: {visibleIds.Count}");
        await db.SaveChangesAsync(cancellationToken);

        var report = full && meeting.ReportText is { } text
            ? new ReportView(meeting.ReportTitle, text, meeting.ReportRecipients, meeting.ReportGeneratedAtUtc)
            : null;
        var attendees = full
            ? (await db.MeetingAttendees.AsNoTracking().Where(a => a.MeetingId == meeting.Id).ToListAsync(cancellationToken))
                .OrderBy(a => a.Id).Select(a => new AttendeeView(a.UserId, a.HelperId, a.Name)).ToList()
            : [];
        var canRecord = meeting.Status == MeetingStatus.Scheduled && Permissions.MayRunMeetings(user);
        var minutesOpen = canRecord && meeting.InstanceId is { } instanceId
                          && await db.WorkTasks.AnyAsync(t => t.InstanceId == instanceId && t.BookmarkId != null && t.Status == WorkTaskStatus.Open, cancellationToken);
        return new MeetingDetail(meeting.Id, meeting.Kind, meeting.Topic, meeting.ScheduledAtUtc, meeting.Status, meeting.HeldAtUtc,
            full ? meeting.Attendance : null, full ? meeting.Minutes : null, agenda, decisions, report, !full, meeting.Place, attendees, canRecord, minutesOpen);
    }
}
