using System.Globalization;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Engine.Runtime;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Meetings.RecordMeeting;

/// <summary>
/// Records a meeting: who attended (users and helpers of the pool, by id), the minutes, and the decisions, each naming a
/// case by file number (checked against the register) or none for a general decision. It completes the meeting workflow's
/// minutes task with these data, so each decision about a case becomes a task as the workflow says
/// (<c>Bishan.CreateDecisionTasks</c>). By <see cref="Permissions.MayRunMeetings"/>; 409 when the meeting is held already or
/// its workflow has not reached the minutes yet (a weekly consultation before its time).
/// </summary>
public sealed record RecordMeeting(string MeetingId, string? Minutes, IReadOnlyList<string>? AttendeeUserIds, IReadOnlyList<long>? AttendeeHelperIds,
    IReadOnlyList<DecisionInput>? Decisions) : ICommand<MeetingRecorded>;

public sealed record DecisionInput(string? FileNumber, string? Text);

public sealed record MeetingRecorded(string MeetingId, MeetingStatus Status, int Attendees, IReadOnlyList<string> DecisionTaskIds);

public sealed class RecordMeetingHandler(ICasesDbContext db, ICurrentUser user, TimeProvider time, IWorkflowRuntime runtime, CaseWorkflows workflows)
    : ICommandHandler<RecordMeeting, MeetingRecorded>
{
    public const int MaxMinutesLength = 8000;
    public const int MaxDecisionLength = 1000;
    public const int MaxDecisions = 50;

    public async ValueTask<MeetingRecorded> Handle(RecordMeeting command, CancellationToken cancellationToken)
    {
        Permissions.EnsureMayRunMeetings(user);
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == command.MeetingId, cancellationToken)
                      ?? throw new NotFoundException(UseCaseStrings.Format("Meeting_NotFound", command.MeetingId));

        var errors = new InputErrors();
        var minutes = errors.Text("minutes", command.Minutes, MaxMinutesLength, required: true);
        var userIds = (command.AttendeeUserIds ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var helperIds = (command.AttendeeHelperIds ?? []).Distinct().ToList();
        if (userIds.Count + helperIds.Count == 0) errors.Add("attendees", InputErrors.Message("Field_Required", "attendees"));
        // Staff is a projection over Identity's tables that does not filter in SQL: read it whole (users are few).
        var users = (await db.Staff.ToListAsync(cancellationToken)).Where(s => userIds.Contains(s.UserId, StringComparer.Ordinal)).ToList();
        foreach (var unknown in userIds.Where(id => users.All(u => !string.Equals(u.UserId, id, StringComparison.Ordinal))))
            errors.Add("attendeeUserIds", UseCaseStrings.Format("Meeting_AttendeeUserUnknown", unknown));
        var helpers = await db.Helpers.Where(h => helperIds.Contains(h.Id)).ToListAsync(cancellationToken);
        foreach (var unknown in helperIds.Where(id => helpers.All(h => h.Id != id)))
            errors.Add("attendeeHelperIds", UseCaseStrings.Format("HelpRecord_HelperUnknown", unknown));

        var inputs = command.Decisions ?? [];
        if (inputs.Count > MaxDecisions) errors.Add("decisions", UseCaseStrings.Format("Meeting_TooManyDecisions", MaxDecisions));
        var decisions = new JsonArray();
        for (var i = 0; i < inputs.Count && i < MaxDecisions; i++)
        {
            var prefix = $"decisions[{i.ToString(CultureInfo.InvariantCulture)}].";
            var text = errors.Text(prefix + "text", inputs[i].Text, MaxDecisionLength);
            if (text is null) errors.Add(prefix + "text", InputErrors.Message("Field_Required", "decisionText"));
            Case? @case = null;
            if (!string.IsNullOrWhiteSpace(inputs[i].FileNumber))
                @case = await MeetingCases.FindAsync(db, inputs[i].FileNumber!, prefix + "fileNumber", errors, null, cancellationToken);
            decisions.Add(new JsonObject { ["caseId"] = @case?.Id, ["text"] = text });
        }
        errors.ThrowIfAny();

        if (meeting.Status != MeetingStatus.Scheduled)
            throw new ConflictException(UseCaseStrings.Format("Meeting_AlreadyHeld", meeting.Topic));
        var task = meeting.InstanceId is { } instanceId
            ? await db.WorkTasks.Where(t => t.InstanceId == instanceId && t.BookmarkId != null && t.Status == WorkTaskStatus.Open)
                .OrderBy(t => t.CreatedAtUtc).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (task is null) throw new ConflictException(UseCaseStrings.Format("Meeting_MinutesNotOpen", meeting.Topic));

        var names = users.GroupBy(u => u.UserId, StringComparer.Ordinal)
            .Select(g => (UserId: (string?)g.Key, HelperId: (long?)null, Name: string.IsNullOrWhiteSpace(g.First().DisplayName) ? g.First().UserName : g.First().DisplayName))
            .Concat(helpers.Select(h => (UserId: (string?)null, HelperId: (long?)h.Id, h.Name)))
            .ToList();
        var data = new JsonObject
        {
            ["minutes"] = minutes,
            ["attendance"] = string.Join("、", names.Select(n => n.Name)),
            ["decisions"] = decisions,
        };
        var submission = new TaskSubmission("Done", data, null, user.UserId);
        var result = await runtime.ResumeAsync(task.BookmarkId!, submission.ToJson(), cancellationToken);
        if (result.Outcome != ResumeOutcome.Resumed)
            throw new ConflictException(UseCaseStrings.Format("Task_AlreadyCompleted", task.Title));
        await workflows.EnsureNotRefusedAsync(result.Instance, cancellationToken);

        foreach (var (userId, helperId, name) in names)
            db.MeetingAttendees.Add(new MeetingAttendee { MeetingId = meeting.Id, UserId = userId, HelperId = helperId, Name = name.Length <= 200 ? name : name[..200] });
        AuditLog.Add(db, user, time, AuditActions.MeetingRecord, nameof(Meeting), meeting.Id,
            $"{names.Count.ToString(CultureInfo.InvariantCulture)} attendees, {decisions.Count.ToString(CultureInfo.InvariantCulture)} decisions");
        await db.SaveChangesAsync(cancellationToken);

        var held = await db.Meetings.AsNoTracking().FirstAsync(m => m.Id == meeting.Id, cancellationToken);
        var taskIds = await db.MeetingDecisions.AsNoTracking().Where(d => d.MeetingId == meeting.Id && d.TaskId != null).OrderBy(d => d.Id)
            .Select(d => d.TaskId!).ToListAsync(cancellationToken);
        return new MeetingRecorded(meeting.Id, held.Status, names.Count, taskIds);
    }
}
