using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Workflow;
using Bishan.Workflow.Engine.Runtime;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Meetings.ScheduleSpecialMeeting;

/// <summary>
/// Calls an ad-hoc special meeting (专题会): topic, date and time (not before today), place, and the cases to discuss (file
/// numbers in the caller's scope). The shipped workflow <c>special-meeting</c> runs it: the secretary's minutes task, the
/// decisions turned into tasks (<c>Bishan.CreateDecisionTasks</c>) and the special report. By
/// <see cref="Permissions.MayRunMeetings"/>.
/// </summary>
public sealed record ScheduleSpecialMeeting(string? Topic, string? ScheduledAt, string? Place, IReadOnlyList<string>? FileNumbers)
    : ICommand<ScheduledMeeting>;

public sealed record ScheduledMeeting(string MeetingId, string WorkflowInstanceId);

public sealed class ScheduleSpecialMeetingHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time, IWorkflowRuntime runtime,
    CaseWorkflows workflows) : ICommandHandler<ScheduleSpecialMeeting, ScheduledMeeting>
{
    public const string Definition = "special-meeting";
    public const int MaxTopicLength = 500;
    public const int MaxPlaceLength = 200;
    public const int MaxCases = 50;

    public async ValueTask<ScheduledMeeting> Handle(ScheduleSpecialMeeting command, CancellationToken cancellationToken)
    {
        Permissions.EnsureMayRunMeetings(user);
        var errors = new InputErrors();
        var topic = errors.Text("topic", command.Topic, MaxTopicLength, required: true);
        var place = errors.Text("place", command.Place, MaxPlaceLength, required: true);
        var at = errors.Instant("scheduledAt", command.ScheduledAt);
        if (at is null && string.IsNullOrWhiteSpace(command.ScheduledAt)) errors.Required("scheduledAt");
        else if (at is { } when && DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(when, DistrictCalendar.TimeZone)) < DistrictCalendar.Today(time))
            errors.Add("scheduledAt", InputErrors.Message("Meeting_DateInPast", "scheduledAt"));
        var numbers = (command.FileNumbers ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (numbers.Count > MaxCases) errors.Add("fileNumbers", Localization.UseCaseStrings.Format("Meeting_TooManyCases", MaxCases));
        var scope = CaseScope.For(user, tree);
        var cases = new List<Case>();
        foreach (var number in numbers.Take(MaxCases))
            if (await MeetingCases.FindAsync(db, number, "fileNumbers", errors, scope, cancellationToken) is { } found)
                cases.Add(found);
        errors.ThrowIfAny();
        await workflows.EnsurePublishedAsync(Definition, cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var meetingId = Guid.NewGuid().ToString("N");
        var instance = await runtime.StartAsync(Definition, new Dictionary<string, JsonNode?> { ["topic"] = topic, ["meetingId"] = meetingId },
            correlationId: meetingId, cancellationToken);
        await workflows.EnsureNotRefusedAsync(instance, cancellationToken);
        var meeting = new Meeting
        {
            Id = meetingId, Kind = MeetingKind.Special, Topic = topic!, ScheduledAtUtc = at!.Value, Place = place, CalledByUserId = user.UserId,
            InstanceId = instance.Id, Status = MeetingStatus.Scheduled, CreatedAtUtc = now,
        };
        foreach (var @case in cases)
        {
            meeting.AgendaItems.Add(new MeetingAgendaItem
            {
                MeetingId = meetingId, CaseId = @case.Id, Reason = AgendaReason.Requested, Note = MeetingEffects.AgendaNote(@case.PrimaryAction, @case.Tier),
            });
            db.TimelineEntries.Add(new TimelineEntry
            {
                CaseId = @case.Id, AtUtc = now, Kind = TimelineKind.Meeting, ActorUserId = user.UserId,
                Text = Localization.UseCaseStrings.Record("Meeting_Timeline_OnSpecialAgenda", topic, CaseTexts.LocalTime(meeting.ScheduledAtUtc)),
            });
        }
        db.Meetings.Add(meeting);
        foreach (var task in await db.WorkTasks.Where(t => t.InstanceId == instance.Id && t.Status == WorkTaskStatus.Open).ToListAsync(cancellationToken))
            task.MeetingId = meetingId;
        AuditLog.Add(db, user, time, AuditActions.MeetingSchedule, nameof(Meeting), meetingId, $"special, {cases.Count} cases");
        await db.SaveChangesAsync(cancellationToken);
        return new ScheduledMeeting(meetingId, instance.Id);
    }
}
