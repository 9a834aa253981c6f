using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;

namespace Bishan.Workflow.Cases.Tasks.UnclaimTask;

/// <summary>Gives a claimed task back to its candidate group. The claimer or an administrator may.</summary>
public sealed record UnclaimTask(string TaskId) : ICommand<TaskState>;

public sealed class UnclaimTaskHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time) : ICommandHandler<UnclaimTask, TaskState>
{
    public async ValueTask<TaskState> Handle(UnclaimTask command, CancellationToken cancellationToken)
    {
        var seen = await TaskAccess.LoadVisibleAsync(db, user, tree, command.TaskId, cancellationToken);
        Permissions.EnsureMayWrite(user);
        TaskAccess.EnsureOpen(seen);
        if (seen.ClaimedByUserId is null) return TaskState.Of(seen);
        if (seen.ClaimedByUserId != user.UserId && !user.IsInRole(Roles.Administrator))
            throw new ForbiddenException(UseCaseStrings.Format("Task_NotClaimedByYou", seen.Title));

        var task = await TaskAccess.LoadForChangeAsync(db, seen.Id, cancellationToken);
        task.ClaimedByUserId = null;
        AuditLog.Add(db, user, time, AuditActions.TaskUnclaim, nameof(WorkTask), task.Id);
        await TaskAccess.SaveAsync(db, task, cancellationToken);
        return TaskState.Of(task);
    }
}
