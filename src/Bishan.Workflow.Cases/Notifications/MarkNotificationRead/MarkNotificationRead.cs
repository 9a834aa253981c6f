using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Notifications.MarkNotificationRead;

/// <summary>Marks one of the caller's notifications read (403 for someone else's), or all of them when <paramref name="NotificationId"/> is null.</summary>
public sealed record MarkNotificationRead(long? NotificationId) : ICommand<NotificationsMarked>;

public sealed record NotificationsMarked(int Marked);

public sealed class MarkNotificationReadHandler(ICasesDbContext db, ICurrentUser user, TimeProvider time)
    : ICommandHandler<MarkNotificationRead, NotificationsMarked>
{
    public async ValueTask<NotificationsMarked> Handle(MarkNotificationRead command, CancellationToken cancellationToken)
    {
        var me = user.UserId ?? "";
        var now = time.GetUtcNow().UtcDateTime;
        if (command.NotificationId is not { } id)
        {
            var unread = await db.Notifications.Where(n => n.UserId == me && n.ReadAtUtc == null).ToListAsync(cancellationToken);
            foreach (var n in unread) n.ReadAtUtc = now;
            await db.SaveChangesAsync(cancellationToken);
            return new NotificationsMarked(unread.Count);
        }

        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
                           ?? throw new NotFoundException(UseCaseStrings.Format("Notification_NotFound", id));
        if (notification.UserId != me) throw new ForbiddenException(UseCaseStrings.Format("Notification_NotYours"));
        if (notification.ReadAtUtc is not null) return new NotificationsMarked(0);
        notification.ReadAtUtc = now;
        await db.SaveChangesAsync(cancellationToken);
        return new NotificationsMarked(1);
    }
}
