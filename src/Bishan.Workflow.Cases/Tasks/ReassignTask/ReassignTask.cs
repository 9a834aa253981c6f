using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Tasks.ReassignTask;

/// <summary>
/// Hands a task to another person (reassign or delegate). The holder, a supervisor or an administrator who sees the task
/// may; the new assignee must have the task's case in their own scope, so a reassignment never leaks a file. The new
/// assignee is notified and the case timeline records the hand-over.
/// </summary>
public sealed record ReassignTask(string TaskId, string? UserName) : ICommand<TaskState>;

public sealed class ReassignTaskHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time) : ICommandHandler<ReassignTask, TaskState>
{
    public async ValueTask<TaskState> Handle(ReassignTask command, CancellationToken cancellationToken)
    {
        var seen = await TaskAccess.LoadVisibleAsync(db, user, tree, command.TaskId, cancellationToken);
        Permissions.EnsureMayWrite(user);
        TaskAccess.EnsureOpen(seen);
        if (!TaskAccess.Holds(user, seen) && !user.IsInRole(Roles.Supervisor) && !user.IsInRole(Roles.Administrator))
            throw new ForbiddenException(UseCaseStrings.Format("Task_MayNotReassign"));

        var errors = new InputErrors();
        var userName = errors.Text("userName", command.UserName, 256, required: true);
        errors.ThrowIfAny();
        // One row per user and role: the new assignee's scope depends on all their roles.
        var rows = (await db.Staff.ToListAsync(cancellationToken)).Where(s => string.Equals(s.UserName, userName, StringComparison.OrdinalIgnoreCase)).ToList();
        var found = rows.FirstOrDefault() ?? throw InvalidInputException.For("userName", UseCaseStrings.Format("Task_UserUnknown", userName));
        var roles = rows.Select(s => s.Role).ToList();
        var target = new StaffUser(found.UserId, found.UserName, roles, found.OrgUnitId);

        if (seen.CaseId is { } caseId)
        {
            var @case = await db.Cases.AsNoTracking().FirstAsync(c => c.Id == caseId, cancellationToken);
            if (!CaseScope.For(target, tree).Covers(@case))
                throw InvalidInputException.For("userName", UseCaseStrings.Format("Task_TargetOutOfScope", target.UserName));
        }

        var task = await TaskAccess.LoadForChangeAsync(db, seen.Id, cancellationToken);
        task.AssigneeUserId = target.UserId;
        task.ClaimedByUserId = null;
        var now = time.GetUtcNow().UtcDateTime;
        db.Notifications.Add(new Notification
        {
            UserId = target.UserId,
            Title = UseCaseStrings.Record("Notification_TaskReassigned_Title", task.Title),
            Message = UseCaseStrings.Record("Notification_TaskReassigned_Message", user.UserName, task.Title),
            CaseId = task.CaseId,
            TaskId = task.Id,
            CreatedAtUtc = now,
        });
        if (task.CaseId is not null)
            db.TimelineEntries.Add(new TimelineEntry
            {
                CaseId = task.CaseId, AtUtc = now, Kind = TimelineKind.Note, ActorUserId = user.UserId, TaskId = task.Id,
                Text = UseCaseStrings.Record("Timeline_TaskReassigned", task.Title, target.UserName),
            });
        AuditLog.Add(db, user, time, AuditActions.TaskReassign, nameof(WorkTask), task.Id, $"to {target.UserName}");
        await TaskAccess.SaveAsync(db, task, cancellationToken);
        return TaskState.Of(task);
    }

    /// <summary>The new assignee seen as a user, to ask the scope rule about them.</summary>
    private sealed record StaffUser(string UserId, string UserName, IReadOnlyCollection<string> Roles, string? OrgUnitId) : ICurrentUser
    {
        string? ICurrentUser.UserId => UserId;
        string? ICurrentUser.UserName => UserName;
        public string? IpAddress => null;
    }
}
