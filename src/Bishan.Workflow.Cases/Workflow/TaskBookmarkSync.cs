using Bishan.Workflow.Cases.Localization;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Criteria;
using Bishan.Workflow.Cases.ExitCriteria;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Engine.Execution;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Workflow;

/// <summary>
/// Keeps <see cref="WorkTask"/> rows in step with <c>Bishan.UserTask</c> bookmarks: an added bookmark becomes a task
/// assigned by its rule; a removed one ends its task, Completed when the pass resumed it (with the submission's
/// outcome, data, comment and user), Cancelled otherwise (its branch ended, the instance was cancelled).
/// </summary>
internal sealed class TaskBookmarkSync(AssigneeResolver assignees, ExitCriteriaCatalog exitCriteria, CriteriaCatalogs catalogs)
{
    public const string ExitCriteriaSource = "exitCriteria";
    public const string EntryCriteriaSource = "entryCriteria";

    private static readonly FiveAction[] AllActions = Enum.GetValues<FiveAction>();

    public static async Task EndRemovedAsync(PassScope scope)
    {
        var removed = scope.Pass.RemovedBookmarkIds.ToArray();
        if (removed.Length == 0) return;
        var tasks = await scope.Db.WorkTasks
            .Where(t => t.BookmarkId != null && removed.Contains(t.BookmarkId) && t.Status == WorkTaskStatus.Open)
            .ToListAsync(scope.Ct);
        foreach (var task in tasks)
        {
            if (task.BookmarkId == scope.Pass.ResumedBookmarkId)
            {
                var submission = TaskSubmission.From(scope.Pass.ResumeInput);
                task.Status = WorkTaskStatus.Completed;
                task.CompletedAtUtc = scope.NowUtc;
                task.CompletedByUserId = submission.UserId ?? task.ClaimedByUserId ?? task.AssigneeUserId;
                task.Outcome = submission.Outcome ?? "Done";
                task.DataJson = submission.Data.ToJsonString(StoredJson.Options);
                task.Comment = Truncate(submission.Comment, 4000);
                if (task.CaseId is not null && !WorkTaskKinds.IsApproval(task.Kind))
                    scope.Timeline(task.CaseId, TimelineKind.TaskCompleted,
                        CaseTexts.Format("Timeline_TaskCompleted", task.Title, DomainLabels.ForOutcome(task.Outcome, CaseTexts.Culture)), task.CompletedByUserId, task.Id);
                await SubmissionRecords.FileAsync(scope, task, submission);
            }
            else
            {
                task.Status = WorkTaskStatus.Cancelled;
                task.CompletedAtUtc = scope.NowUtc;
                if (task.CaseId is not null)
                    scope.Timeline(task.CaseId, TimelineKind.TaskCompleted, CaseTexts.Format("Timeline_TaskCancelled", task.Title), taskId: task.Id);
            }
        }
    }

    public async Task CreateAddedAsync(PassScope scope)
    {
        foreach (var bookmark in scope.Pass.AddedBookmarks.Where(b => b.Name == UserTaskActivity.TaskBookmark && b.Payload is not null))
            await CreateAsync(scope, bookmark, UserTaskPayload.FromJson(bookmark.Payload!));
    }

    private async Task CreateAsync(PassScope scope, Bookmark bookmark, UserTaskPayload payload)
    {
        var @case = await scope.FindCaseAsync(payload.CaseId);
        var targetTier = Enum.TryParse<Tier>(payload.TargetTier, ignoreCase: true, out var t) ? t : (Tier?)null;
        var task = new WorkTask
        {
            Id = bookmark.Id,
            BookmarkId = bookmark.Id,
            InstanceId = scope.Pass.InstanceId,
            NodeId = bookmark.NodeId,
            CaseId = @case?.Id,
            Kind = payload.Kind,
            Title = Truncate(payload.Title, 500) ?? "",
            Description = payload.Description,
            FormJson = await FormJsonAsync(scope, payload.Form, @case, scope.ProposedAction),
            OutcomesJson = new JsonArray(payload.Outcomes.Select(o => (JsonNode?)JsonValue.Create(o)).ToArray()).ToJsonString(StoredJson.Options),
            AssigneeRule = payload.Assignee,
            Status = WorkTaskStatus.Open,
            DueAtUtc = payload.DueAtUtc,
            FollowUpAtUtc = payload.FollowUpAtUtc,
            CreatedAtUtc = scope.NowUtc,
            TargetTier = targetTier,
        };
        // The approver sees which criteria the screening or exit evaluation ticked, and the evidence, not only a note.
        if (@case is not null && WorkTaskKinds.IsApproval(task.Kind)
            && await SubmissionRecords.CriteriaForApprovalAsync(scope, @case.Id, scope.Pass.InstanceId) is { } criteria)
            task.Description = string.IsNullOrWhiteSpace(task.Description) ? criteria : $"{task.Description}\n{criteria}";
        // Whoever judges the exit criteria (the check, the approval) also sees the family-education evaluations as evidence.
        if (@case is not null && string.Equals(scope.Pass.DefinitionId, Common.CaseWorkflows.ExitEvaluation, StringComparison.Ordinal)
            && (WorkTaskKinds.IsApproval(task.Kind) || payload.Form.Any(f => f.OptionsSource == ExitCriteriaSource))
            && await FamilyEducationEvidence.ForCaseAsync(scope.Db, @case.Id, scope.Ct) is { } evidence)
            task.Description = string.IsNullOrWhiteSpace(task.Description) ? evidence : $"{task.Description}\n{evidence}";
        await AssignAsync(scope, task, @case);
        // Extra candidate groups in the Role@orgUnit form; placeholders such as case.helperTeam name helpers from the
        // resource pool, who do not sign in, so they give nobody a claim.
        if (task.CandidateGroup is null && !string.IsNullOrWhiteSpace(payload.CandidateGroups))
            task.CandidateGroup = payload.CandidateGroups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault(g => g.Contains('@', StringComparison.Ordinal));
        scope.Db.WorkTasks.Add(task);
    }

    /// <summary>
    /// Resolves the task's rule and writes assignee, group, scope unit, the timeline line and the notification.
    /// Also used to reassign open tasks when a tier change moves the case to another coordinating body.
    /// </summary>
    public async Task AssignAsync(PassScope scope, WorkTask task, Case? @case)
    {
        var staff = await scope.StaffAsync();
        var resolution = assignees.Resolve(task.AssigneeRule, @case, task.TargetTier, scope.ProposedAction, staff);
        task.AssigneeUserId = resolution.UserId;
        task.CandidateGroup = resolution.CandidateGroup;
        task.ClaimedByUserId = null;
        task.OrgUnitId = @case?.OrgUnitId ?? resolution.OrgUnitId ?? (resolution.UserId is { } u ? staff.ById(u)?.OrgUnitId : null);

        var who = resolution.UserId is { } userId ? staff.NameOf(userId) : resolution.CandidateGroup ?? task.AssigneeRule;
        if (@case is not null)
        {
            var line = resolution switch
            {
                { UserId: not null } => CaseTexts.Format("Timeline_TaskCreated", task.Title, who),
                { Unresolved: true } => CaseTexts.Format("Timeline_TaskUnresolved", task.Title, task.AssigneeRule, resolution.CandidateGroup ?? "-"),
                _ => CaseTexts.Format("Timeline_TaskQueued", task.Title, who),
            };
            scope.Timeline(@case.Id, TimelineKind.TaskCreated, line, taskId: task.Id);
        }

        var recipients = resolution.UserId is { } one ? [one]
            : resolution.CandidateGroup is { } group ? AssigneeResolver.MembersOf(group, staff) : [];
        var due = task.DueAtUtc is { } d ? CaseTexts.LocalTime(d) : CaseTexts.Format("Case_NoDue");
        scope.Notify(recipients,
            CaseTexts.Format("Notification_TaskAssigned_Title", task.Title),
            CaseTexts.Format("Notification_TaskAssigned_Message", task.Title, @case is null ? "" : $"{@case.FileNumber} {@case.Name}", due),
            @case?.Id, task.Id);
    }

    /// <summary>
    /// The form as stored. Fields with <c>optionsSource: exitCriteria</c> get the case action's exit criteria: a
    /// <see cref="FormFieldType.Criteria"/> field the current catalogue version (ticks with evidence), an older
    /// <see cref="FormFieldType.Checklist"/> field the texts as options. <c>optionsSource: entryCriteria</c> gets every
    /// action's current entry criteria, judged by the action chosen in the field named by <c>actionField</c>.
    /// </summary>
    private async Task<string> FormJsonAsync(PassScope scope, IReadOnlyList<FormField> form, Case? @case, FiveAction? proposed)
    {
        var action = @case?.PrimaryAction ?? proposed;
        var fields = new List<FormField>(form.Count);
        foreach (var f in form)
        {
            if (f.OptionsSource == ExitCriteriaSource && action is { } a)
                fields.Add(f.Type == FormFieldType.Criteria
                    ? f with { CriteriaSets = [await catalogs.CurrentSetAsync(scope.Db, CriteriaKind.Exit, a, scope.NowUtc, scope.Ct)] }
                    : f with { Options = exitCriteria.For(a).Select(c => c.Text(CaseTexts.Culture)).ToList() });
            else if (f.OptionsSource == EntryCriteriaSource && f.Type == FormFieldType.Criteria)
            {
                var sets = await catalogs.CurrentSetsAsync(scope.Db, CriteriaKind.Entry, AllActions, scope.NowUtc, scope.Ct);
                fields.Add(f with { CriteriaSets = [.. sets], ActionField = f.ActionField ?? "proposedAction" });
            }
            else fields.Add(f);
        }
        return new JsonArray(fields.Select(f => (JsonNode?)f.ToJson()).ToArray()).ToJsonString(StoredJson.Options);
    }

    private static string? Truncate(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
