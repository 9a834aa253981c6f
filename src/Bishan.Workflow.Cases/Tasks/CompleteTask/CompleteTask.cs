using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Approvals;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Engine.Runtime;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Tasks.CompleteTask;

/// <summary>
/// Completes a task: checks the outcome is one of its buttons, the data against its form, that rejecting or sending back
/// an approval carries a comment, and that the caller holds the task; then resumes the task's bookmark with a
/// <see cref="TaskSubmission"/>. Everything is checked before the bookmark is touched, so a refused completion changes
/// nothing. A bookmark that was already resumed (a double click, a colleague) answers 409.
/// </summary>
public sealed record CompleteTask(string TaskId, string? Outcome, JsonObject? Data, string? Comment) : ICommand<TaskState>;

public sealed class CompleteTaskHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, IWorkflowRuntime runtime, CaseWorkflows workflows,
    TimeProvider time)
    : ICommandHandler<CompleteTask, TaskState>
{
    public const int MaxCommentLength = 4000;

    public async ValueTask<TaskState> Handle(CompleteTask command, CancellationToken cancellationToken)
    {
        var seen = await TaskAccess.LoadVisibleAsync(db, user, tree, command.TaskId, cancellationToken);
        // 区督查办 writes only supervision: the review tasks of its own candidate group.
        TaskAccess.EnsureMayWorkOn(user, seen);
        TaskAccess.EnsureOpen(seen);
        await Guardianship.Consultations.EnsureNotConsultationTaskAsync(db, seen, cancellationToken);
        TaskAccess.EnsureHolds(user, seen);

        var data = command.Data ?? [];
        var (outcome, comment) = Validate(seen, command, data);
        if (TaskForms.Fields(seen).Any(f => string.Equals(f.Name, "decisions", StringComparison.Ordinal)))
        {
            // A minutes form: a decision naming a file number that is not in the register is refused, not stored about nobody.
            var caseErrors = new InputErrors();
            await Meetings.MeetingCases.CheckDecisionFieldAsync(db, data, caseErrors, cancellationToken);
            caseErrors.ThrowIfAny();
        }

        if (seen.BookmarkId is { } bookmarkId)
        {
            var submission = new TaskSubmission(outcome, data, comment, user.UserId);
            var result = await runtime.ResumeAsync(bookmarkId, submission.ToJson(), cancellationToken);
            if (result.Outcome != ResumeOutcome.Resumed)
                throw new ConflictException(UseCaseStrings.Format("Task_AlreadyCompleted", seen.Title));
            await EnsureNotRefusedAsync(seen, result.Instance, cancellationToken);
        }

        // The workflow bridge closes the row when the bookmark goes; who completed it, how and with what data is recorded
        // here (it is also the whole completion for tasks without a bookmark, such as meeting decisions).
        // Usually tracked already by the pass that completed it: no second read then.
        var task = await db.WorkTasks.FindAsync([seen.Id], cancellationToken) ?? await db.WorkTasks.FirstAsync(t => t.Id == seen.Id, cancellationToken);
        if (seen.BookmarkId is null) TaskAccess.EnsureOpen(task);
        var now = time.GetUtcNow().UtcDateTime;
        task.Status = WorkTaskStatus.Completed;
        task.CompletedAtUtc ??= now;
        task.CompletedByUserId ??= user.UserId;
        task.Outcome ??= outcome;
        task.DataJson ??= data.ToJsonString();
        task.Comment ??= comment;
        if (task.Kind == WorkTaskKinds.PlanReview) await Plans.Reviews.PlanReviewTasks.RecordAsync(db, task, data, user.UserId, now, cancellationToken);
        // A task with a bookmark is on the timeline already: the workflow bridge records it when the bookmark is resumed
        // (an approval through its decision). This records the others, such as meeting decisions.
        if (task.CaseId is not null && task.BookmarkId is null
            && !await db.TimelineEntries.AnyAsync(e => e.TaskId == task.Id && e.Kind == TimelineKind.TaskCompleted, cancellationToken))
            db.TimelineEntries.Add(new TimelineEntry
            {
                CaseId = task.CaseId, AtUtc = now, Kind = TimelineKind.TaskCompleted, ActorUserId = user.UserId, TaskId = task.Id,
                InstanceId = task.InstanceId,
                Text = UseCaseStrings.Record("Timeline_TaskCompleted", task.Title, RecordedOutcome(outcome, comment)),
            });
        AuditLog.Add(db, user, time, AuditActions.TaskComplete, nameof(WorkTask), task.Id, $"outcome {outcome}");
        await TaskAccess.SaveAsync(db, task, cancellationToken);
        return TaskState.Of(task);
    }

    /// <summary>
    /// A domain gate that refuses the pass (an approval that would overspend a budget line, a registration without its
    /// approval) leaves the task open and the case unchanged, and the runtime returns normally with the instance faulted:
    /// answer 409 with the incident's message, and audit the attempt.
    /// </summary>
    private async Task EnsureNotRefusedAsync(WorkTask task, InstanceSummary? instance, CancellationToken cancellationToken)
    {
        try
        {
            await workflows.EnsureNotRefusedAsync(instance, cancellationToken);
        }
        catch (ConflictException refused)
        {
            AuditLog.Add(db, user, time, AuditActions.WorkflowRefused, nameof(WorkTask), task.Id, refused.Message);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    private static (string Outcome, string? Comment) Validate(WorkTask task, CompleteTask command, JsonObject data)
    {
        var errors = new InputErrors();
        var outcomes = TaskForms.Outcomes(task);
        var outcome = string.IsNullOrWhiteSpace(command.Outcome)
            ? outcomes.Count == 1 ? outcomes[0] : null
            : outcomes.FirstOrDefault(o => string.Equals(o, command.Outcome.Trim(), StringComparison.Ordinal));
        if (outcome is null)
            errors.Add("outcome", UseCaseStrings.Format("Task_OutcomeInvalid", command.Outcome ?? "", string.Join(", ", outcomes)));

        // An approval's comment may come as the request's comment or as the form's "comment" field.
        var comment = errors.Text("comment", command.Comment, MaxCommentLength)
                      ?? (data["comment"] is JsonValue v && v.TryGetValue<string>(out var c) && !string.IsNullOrWhiteSpace(c) ? c.Trim() : null);
        if (WorkTaskKinds.IsApproval(task.Kind) && outcome is ApprovalActivity.Rejected or ApprovalActivity.SentBack && comment is null)
            errors.Add("comment", UseCaseStrings.Format("Task_CommentRequired"));

        foreach (var (field, messages) in FormValidator.Validate(TaskForms.Fields(task), data, outcome))
            foreach (var message in messages)
                errors.Add(field, message);
        errors.ThrowIfAny();
        return (outcome!, comment);
    }

    /// <summary>The outcome as the timeline stores it: in Chinese words, with the comment in brackets.</summary>
    private static string RecordedOutcome(string outcome, string? comment)
    {
        var words = DomainLabels.ForOutcome(outcome, DomainCultures.Chinese);
        return comment is null ? words : $"{words}（{comment}）";
    }
}
