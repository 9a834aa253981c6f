using Bishan.Workflow.Cases.Notifications.ListNotifications;
using Bishan.Workflow.Web.Components.Layout;

namespace Bishan.Workflow.Web.Tests;

/// <summary>The bell: its badge counts the unread, its menu lists the latest with links to their task or case, and marks read.</summary>
public sealed class NotificationMenuFacts : UiTestContext
{
    private static readonly DateTime At = new(2026, 3, 2, 1, 30, 0, DateTimeKind.Utc);

    private static readonly NotificationItem[] Latest =
    [
        new(3, "新待办：个案筛查", "张三的筛查等待您办理", "case-1", "task-1", At, null),
        new(2, "升级已批准", "李四升级为严重", "case-2", null, At.AddHours(-1), null),
        new(1, "系统通知", "明天上午维护", null, null, At.AddDays(-1), At),
    ];

    [Fact]
    public void Badge_ShowsTheUnreadCount_AndHidesAtZero()
    {
        var menu = Render<NotificationMenu>(p => p.Add(x => x.Unread, 2).Add(x => x.Items, Latest));
        Assert.Equal("2", menu.Find("[data-testid=notification-bell]").GetAttribute("data-unread"));
        Assert.Contains("2", menu.Find(".mud-badge").TextContent);

        var none = Render<NotificationMenu>(p => p.Add(x => x.Unread, 0).Add(x => x.Items, Latest));
        Assert.Empty(none.FindAll(".mud-badge.mud-badge-visible, .mud-badge:not(.d-none) .mud-badge-content"));
    }

    [Fact]
    public async Task Menu_ListsTheLatest_WithLinksToTaskOrCase_AndMarksRead()
    {
        var popovers = Render<MudBlazor.MudPopoverProvider>();
        long? marked = -1;
        var opened = false;
        var menu = Render<NotificationMenu>(p => p.Add(x => x.Unread, 2).Add(x => x.Items, Latest)
            .Add(x => x.OnMarkRead, (long? id) => marked = id)
            .Add(x => x.OnOpened, () => opened = true));

        // The clicks are awaited: MudBlazor's handlers are asynchronous, and a fire-and-forget click races the assertions.
        await ClickAsync(menu, "[data-testid=notification-bell]");
        Assert.True(opened);
        var items = popovers.WaitForElements("[data-testid=notification-item]");
        Assert.Equal(3, items.Count);
        Assert.Contains("新待办：个案筛查", items[0].TextContent);
        Assert.Equal("/inbox/task-1", items[0].GetAttribute("href") ?? items[0].QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal(["false", "false", "true"], items.Select(i => i.GetAttribute("data-read")));

        await ClickAsync(popovers, "[data-testid=notifications-read-all]");
        Assert.Null(marked);
        await ClickAsync(popovers, "[data-testid=notification-item]", 1);
        Assert.Equal(2, marked);
    }

    [Fact]
    public void Href_PrefersTheTask_ThenTheCase()
    {
        Assert.Equal("/inbox/task-1", NotificationMenu.Href(Latest[0]));
        Assert.Equal("/cases/case-2", NotificationMenu.Href(Latest[1]));
        Assert.Null(NotificationMenu.Href(Latest[2]));
    }
}
