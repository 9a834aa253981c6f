using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>
/// 我的待办 on a task offered to a group: claim, give back, hand over. The demo weekly consultation's decisions are tasks
/// assigned to the task force's supervisor and offered to the task force's supervisors (Supervisor@TaskForce).
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class InboxFacts(AppFixture app) : BrowserSession(app)
{
    private const string Supervisor = "supervisor-taskforce";

    /// <summary>One open decision task of the demo meeting, by its position (each test takes its own, so they never share one).</summary>
    private async Task<string> DecisionTaskAsync(int index)
    {
        using var api = await DemoApi.SignInAsync(App, Supervisor);
        var tasks = (await api.GetAsync("/api/tasks?scope=mine&status=open&take=500"))["items"]!.AsArray()
            .Select(t => t!["id"]!.GetValue<string>()).Where(id => id.StartsWith("demo-decision-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.True(tasks.Count > index, $"demo decision tasks open: {tasks.Count}");
        return tasks[index];
    }

    [Fact]
    public Task Supervisor_ClaimsAGroupTask_ThenGivesItBack() => RunAsync(async page =>
    {
        var taskId = await DecisionTaskAsync(0);
        await SignInAsync(page, $"/inbox/{taskId}", Supervisor);
        await Assertions.Expect(page.Locator("[data-testid=task-title]")).ToContainTextAsync("联合家访");

        await page.ClickAsync("[data-testid=claim]");
        await Assertions.Expect(page.Locator("[data-testid=unclaim]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=claim]")).ToHaveCountAsync(0);

        await page.ClickAsync("[data-testid=unclaim]");
        await Assertions.Expect(page.Locator("[data-testid=claim]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=unclaim]")).ToHaveCountAsync(0);
        await AssertNoHorizontalScrollAsync(page);
    });

    [Fact]
    public Task Supervisor_HandsATaskOver_AndAnUnknownPersonIsRefused() => RunAsync(async page =>
    {
        var taskId = await DecisionTaskAsync(1);
        await SignInAsync(page, $"/inbox/{taskId}", Supervisor);
        await page.ClickAsync("[data-testid=reassign]");
        await page.FillAsync("input[data-testid=reassign-user], [data-testid=reassign-user] input", "nobody-e2e");
        await page.ClickAsync("[data-testid=reassign-submit]");
        await Assertions.Expect(page.Locator("[data-testid=reassign-form] .mud-input-helper-text.mud-input-error")).ToContainTextAsync("nobody-e2e");

        await page.FillAsync("input[data-testid=reassign-user], [data-testid=reassign-user] input", "admin");
        await page.ClickAsync("[data-testid=reassign-submit]");
        await page.WaitForURLAsync(url => url.EndsWith("/inbox", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "admin" })).ToBeVisibleAsync();

        using var admin = await DemoApi.SignInAsync(App, AppFixture.AdminUserName);
        var mine = (await admin.GetAsync("/api/tasks?scope=mine&status=open&take=500"))["items"]!.AsArray();
        Assert.Contains(mine, t => t!["id"]!.GetValue<string>() == taskId);
    });
}
