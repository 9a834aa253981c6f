using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Mediator;

namespace Bishan.Workflow.Cases.Tasks.CommentOnTask;

/// <summary>A comment on a task (questions, hand-over notes), by anyone who may see it and change data, open or done.</summary>
public sealed record CommentOnTask(string TaskId, string? Text) : ICommand<TaskCommentCreated>;

public sealed record TaskCommentCreated(long Id, string TaskId, DateTime AtUtc);

public sealed class CommentOnTaskHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<CommentOnTask, TaskCommentCreated>
{
    public const int MaxTextLength = 2000;

    public async ValueTask<TaskCommentCreated> Handle(CommentOnTask command, CancellationToken cancellationToken)
    {
        var task = await TaskAccess.LoadVisibleAsync(db, user, tree, command.TaskId, cancellationToken);
        Permissions.EnsureMayWrite(user);
        var errors = new InputErrors();
        var text = errors.Text("text", command.Text, MaxTextLength, required: true);
        errors.ThrowIfAny();

        var comment = new TaskComment { TaskId = task.Id, UserId = user.UserId ?? "", Text = text!, AtUtc = time.GetUtcNow().UtcDateTime };
        db.TaskComments.Add(comment);
        AuditLog.Add(db, user, time, AuditActions.TaskComment, nameof(WorkTask), task.Id);
        await db.SaveChangesAsync(cancellationToken);
        return new TaskCommentCreated(comment.Id, task.Id, comment.AtUtc);
    }
}
