using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Notifications.ListNotifications;

/// <summary>The caller's own in-app notifications, newest first; nobody reads another person's.</summary>
public sealed record ListNotifications(bool UnreadOnly = false, int? Skip = null, int? Take = null) : IQuery<NotificationPage>;

public sealed record NotificationItem(long Id, string Title, string Message, string? CaseId, string? TaskId, DateTime CreatedAtUtc, DateTime? ReadAtUtc);

public sealed record NotificationPage(IReadOnlyList<NotificationItem> Items, int Total, int Unread, int Skip, int Take);

public sealed class ListNotificationsHandler(ICasesDbContext db, ICurrentUser user) : IQueryHandler<ListNotifications, NotificationPage>
{
    public async ValueTask<NotificationPage> Handle(ListNotifications query, CancellationToken cancellationToken)
    {
        var (skip, take) = Paging.Check(query.Skip, query.Take);
        var me = user.UserId ?? "";
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == me);
        var unread = await mine.CountAsync(n => n.ReadAtUtc == null, cancellationToken);
        var filtered = query.UnreadOnly ? mine.Where(n => n.ReadAtUtc == null) : mine;
        var total = await filtered.CountAsync(cancellationToken);
        var items = await filtered.OrderByDescending(n => n.Id).Skip(skip).Take(take)
            .Select(n => new NotificationItem(n.Id, n.Title, n.Message, n.CaseId, n.TaskId, n.CreatedAtUtc, n.ReadAtUtc))
            .ToListAsync(cancellationToken);
        return new NotificationPage(items, total, unread, skip, take);
    }
}
