using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

[Collection(AppCollection.Name)]
public sealed class InstanceFacts(AppFixture app) : BrowserSession(app)
{
    [Fact]
    public Task InstancesPage_OpensAnInstanceJournal() => RunAsync(async page =>
    {
        await SignInAsync(page, "/instances");
        var id = App.FinishedInstanceId;

        await page.ClickAsync($"[data-testid=instance-link][title='{id}']");
        await page.WaitForURLAsync($"**/instances/{id}");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("hello-bishan");
        var journal = page.Locator("[data-testid=journal]");
        await Assertions.Expect(journal).ToContainTextAsync("WriteLine1");
        await Assertions.Expect(page.Locator("[data-testid=journal-event]").First).ToHaveTextAsync("开始");
        await Assertions.Expect(page.Locator("[data-testid=no-incidents]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=retry]")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("[data-testid=cancel]")).ToBeDisabledAsync();
        await AssertNoHorizontalScrollAsync(page);
    });

    [Fact]
    public Task CancelButton_CancelsAWaitingInstance_AfterConfirmation() => RunAsync(async page =>
    {
        await SignInAsync(page, $"/instances/{App.WaitingInstanceId}");
        var status = page.Locator("[data-status]");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-status", "Suspended");

        await page.ClickAsync("[data-testid=cancel]");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();

        await Assertions.Expect(status).ToHaveAttributeAsync("data-status", "Cancelled");
        await Assertions.Expect(page.Locator("[data-testid=cancel]")).ToBeDisabledAsync();
    });
}
