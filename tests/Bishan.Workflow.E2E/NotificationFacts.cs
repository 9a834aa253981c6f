using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>The bell in the app bar opens in a real browser and lists the user's notifications (or says there are none).</summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class NotificationFacts(AppFixture app) : BrowserSession(app)
{
    [Fact]
    public Task Bell_OpensItsMenu() => RunAsync(async page =>
    {
        await SignInAsync(page, "/", "caseworker");
        await page.ClickAsync("[data-testid=notification-bell]");
        await Assertions.Expect(page.Locator(".mud-popover-open [data-testid=notification-item], .mud-popover-open [data-testid=notifications-none]").First)
            .ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(page);
    });
}
