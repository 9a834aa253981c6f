using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>
/// The exit checklist is a gate (issue 12): a caseworker who claims the exit criteria are met with one required criterion
/// unticked is refused at that criterion; with it ticked and its evidence written, the check passes and the file's
/// timeline shows which criteria were met and on what evidence.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class ExitGateFacts(AppFixture app) : BrowserSession(app)
{
    [Fact]
    public Task ExitCheck_IsRefusedForAMissingCriterion_ThenPasses() => RunAsync(async page =>
    {
        await SignInAsync(page, "/cases", "caseworker");
        await page.ClickAsync("[data-testid=filter-status]");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('在库')");
        await Assertions.Expect(page.Locator("[data-testid=cases] tbody tr").First).ToContainTextAsync("在库");
        await page.Locator("[data-testid=case-link]").Last.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/cases/[0-9a-f]{32}$"));
        var caseUrl = page.Url;

        await page.ClickAsync("[data-testid=action-exit]");
        await page.FillAsync("textarea[data-testid=exit-reason], [data-testid=exit-reason] textarea", "帮扶目标已达成，申请出库评估。");
        await page.ClickAsync("[data-testid=action-submit]");
        await page.ClickAsync("[data-testid=open-task]:has-text('出库条件核查') a");
        await page.WaitForURLAsync("**/inbox/*");
        await Assertions.Expect(page.Locator("[data-testid=task-title]")).ToHaveTextAsync("出库条件核查");

        // Every required criterion but the first, ticked with evidence.
        var required = page.Locator("[data-field=exitCriteria] [data-criterion][data-required=true]");
        await Assertions.Expect(required.First).ToBeVisibleAsync();
        var count = await required.CountAsync();
        Assert.True(count >= 2, "The action's exit checklist has at least two required criteria.");
        for (var i = 1; i < count; i++) await TickAsync(required.Nth(i), "帮扶团队走访核实，有记录佐证。");
        await page.ClickAsync("[data-outcome=CriteriaMet]");

        var missing = required.First;
        await Assertions.Expect(missing.Locator(".field-error")).ToContainTextAsync("为必备条件");
        Assert.Matches("/inbox/[0-9a-z-]+$", page.Url);

        await TickAsync(missing, "学校评估结论：已达到。");
        await page.ClickAsync("[data-outcome=CriteriaMet]");
        await page.WaitForURLAsync(url => url.EndsWith("/inbox", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "已办理" })).ToBeVisibleAsync();

        await page.GotoAsync(caseUrl);
        await WaitForCircuitAsync(page);
        var timeline = page.Locator("[data-testid=timeline]");
        await Assertions.Expect(timeline).ToContainTextAsync("已达到的出库条件（第");
        await Assertions.Expect(timeline).ToContainTextAsync("依据：学校评估结论：已达到。");
        await Assertions.Expect(page.Locator("[data-testid=open-task]", new() { HasText = "帮扶团队评估" })).ToBeVisibleAsync();
    });

    private static async Task TickAsync(ILocator criterion, string evidence)
    {
        await criterion.Locator("input[type=checkbox]").CheckAsync();
        await criterion.Locator("[data-testid=criterion-evidence] textarea, textarea[data-testid=criterion-evidence]").FillAsync(evidence);
    }
}
