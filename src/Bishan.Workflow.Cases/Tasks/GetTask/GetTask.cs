using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.CaseFiles.ListCases;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Tasks.GetTask;

/// <summary>A task with what the UI needs to work it: the form, the outcomes (buttons), comments and a masked case summary.</summary>
public sealed record GetTask(string TaskId) : IQuery<TaskDetail>;

public sealed record TaskDetail(
    string Id,
    string Title,
    string? Description,
    string Kind,
    WorkTaskStatus Status,
    JsonNode? Form,
    IReadOnlyList<string> Outcomes,
    string? AssigneeUserId,
    string? CandidateGroup,
    string? ClaimedByUserId,
    bool CanComplete,
    DateTime CreatedAtUtc,
    DateTime? DueAtUtc,
    DateTime? FollowUpAtUtc,
    DateTime? CompletedAtUtc,
    string? CompletedByUserId,
    string? Outcome,
    JsonNode? Data,
    string? Comment,
    Tier? TargetTier,
    CaseListItem? Case,
    IReadOnlyList<TaskCommentItem> Comments);

public sealed record TaskCommentItem(long Id, string UserId, string Text, DateTime AtUtc);

public sealed class GetTaskHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time) : IQueryHandler<GetTask, TaskDetail>
{
    public async ValueTask<TaskDetail> Handle(GetTask query, CancellationToken cancellationToken)
    {
        var task = await TaskAccess.LoadVisibleAsync(db, user, tree, query.TaskId, cancellationToken);
        var @case = task.CaseId is null ? null : await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == task.CaseId, cancellationToken);
        var comments = (await db.TaskComments.AsNoTracking().Where(c => c.TaskId == task.Id).ToListAsync(cancellationToken))
            .OrderBy(c => c.AtUtc).ThenBy(c => c.Id).Select(c => new TaskCommentItem(c.Id, c.UserId, c.Text, c.AtUtc)).ToList();
        if (@case is not null)
        {
            // The task shows part of the case file, so it is audited like one.
            AuditLog.Add(db, user, time, AuditActions.TaskRead, nameof(WorkTask), task.Id, $"case {@case.Id}");
            await db.SaveChangesAsync(cancellationToken);
        }
        return new TaskDetail(task.Id, task.Title, task.Description, task.Kind, task.Status, TaskForms.Parse(task.FormJson),
            TaskForms.Outcomes(task), task.AssigneeUserId, task.CandidateGroup, task.ClaimedByUserId,
            task.Status == WorkTaskStatus.Open && TaskAccess.MayWorkOn(user, task) && TaskAccess.Holds(user, task),
            task.CreatedAtUtc, task.DueAtUtc, task.FollowUpAtUtc, task.CompletedAtUtc, task.CompletedByUserId, task.Outcome,
            TaskForms.Parse(task.DataJson), task.Comment, task.TargetTier, @case is null ? null : ListCasesHandler.ToItem(@case), comments);
    }
}
