using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Mediator;

namespace Bishan.Workflow.Cases.Tasks.ClaimTask;

/// <summary>Takes a task offered to one's candidate group, so that colleagues see it is being worked on. Claiming again is a no-op.</summary>
public sealed record ClaimTask(string TaskId) : ICommand<TaskState>;

public sealed class ClaimTaskHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time) : ICommandHandler<ClaimTask, TaskState>
{
    public async ValueTask<TaskState> Handle(ClaimTask command, CancellationToken cancellationToken)
    {
        var seen = await TaskAccess.LoadVisibleAsync(db, user, tree, command.TaskId, cancellationToken);
        // 区督查办 writes only supervision: the review tasks of its own candidate group.
        TaskAccess.EnsureMayWorkOn(user, seen);
        TaskAccess.EnsureOpen(seen);
        if (seen.ClaimedByUserId == user.UserId) return TaskState.Of(seen);
        if (seen.ClaimedByUserId is not null) throw new ConflictException(UseCaseStrings.Format("Task_ClaimedByOther", seen.Title));
        if (seen.AssigneeUserId is not null && seen.AssigneeUserId != user.UserId)
            throw new ConflictException(UseCaseStrings.Format("Task_NotClaimable", seen.Title));
        if (seen.AssigneeUserId is null && !TaskAccess.IsInGroup(user, seen))
            throw new ForbiddenException(UseCaseStrings.Format("Task_NotYours", seen.Title));

        var task = await TaskAccess.LoadForChangeAsync(db, seen.Id, cancellationToken);
        task.ClaimedByUserId = user.UserId;
        AuditLog.Add(db, user, time, AuditActions.TaskClaim, nameof(WorkTask), task.Id);
        await TaskAccess.SaveAsync(db, task, cancellationToken);
        return TaskState.Of(task);
    }
}
