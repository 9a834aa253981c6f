using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>资源库 with demo data: everyone reads the pool with its workload; a supervisor adds a helper and retires it.</summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class ResourcePoolFacts(AppFixture app) : BrowserSession(app)
{
    [Fact]
    public Task Caseworker_ReadsThePool_FiltersByKind_AndMayNotEdit() => RunAsync(async page =>
    {
        // The pool holds the source's 1,400-odd helpers: a team is found by searching its name.
        await SignInAsync(page, "/resource-pool", "caseworker");
        await Assertions.Expect(page.Locator("[data-testid=helper-row-name]").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=helper-add]")).ToHaveCountAsync(0);
        await page.FillAsync("input[data-testid=pool-search], [data-testid=pool-search] input", "同心护未来");
        await Assertions.Expect(page.Locator("[data-testid=helper-row-name]", new() { HasText = "同心护未来" })).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(page);

        // Filtered by kind, the team is not a family-education instructor; the instructors are.
        await page.ClickAsync("[data-testid=pool-kind]");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('家庭教育指导师'), .mud-popover-open .mud-list-item:has-text('婚姻家庭指导师')");
        await Assertions.Expect(page.Locator("[data-testid=helper-row-name]", new() { HasText = "同心护未来" })).ToHaveCountAsync(0);
        await page.FillAsync("input[data-testid=pool-search], [data-testid=pool-search] input", "老师");
        await Assertions.Expect(page.Locator("[data-testid=helper-row-name]", new() { HasText = "老师" }).First).ToBeVisibleAsync();
    });

    [Fact]
    public Task Supervisor_AddsAHelper_ThenRetiresIt() => RunAsync(async page =>
    {
        await SignInAsync(page, "/resource-pool", "supervisor-taskforce");
        var name = "E2E志愿者" + Random.Shared.Next(1000, 10000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await page.ClickAsync("[data-testid=helper-add]");
        await page.FillAsync("input[data-testid=helper-name], [data-testid=helper-name] input", name);
        await page.ClickAsync("[data-testid=helper-kind]");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('社工')");
        // The kind list has closed (it gives the focus back when it does) before the phone is typed and left with Tab.
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await page.FillAsync("input[data-testid=helper-phone], [data-testid=helper-phone] input", "abc");
        await page.PressAsync("input[data-testid=helper-phone], [data-testid=helper-phone] input", "Tab");
        await page.ClickAsync("[data-testid=helper-save]");
        // The use case refuses the phone number; the message shows at the field.
        await Assertions.Expect(page.Locator("[data-testid=helper-form] .mud-input-helper-text.mud-input-error").First).ToBeVisibleAsync();
        await page.FillAsync("input[data-testid=helper-phone], [data-testid=helper-phone] input", "023-85201234");
        await page.ClickAsync("[data-testid=helper-save]");
        await Assertions.Expect(page.Locator("[data-testid=helper-form]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToBeVisibleAsync();
        var row = page.Locator("[data-testid=helpers] tbody tr", new() { HasText = name });

        await page.FillAsync("input[data-testid=pool-search], [data-testid=pool-search] input", name);
        // Wait for the searched list (the debounced reload), not a row of the full one that is about to be replaced.
        await Assertions.Expect(page.Locator("[data-testid=helpers] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("[data-testid=helper-open-cases]")).ToHaveTextAsync("0");

        await row.Locator("[data-testid=helper-edit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=helper-form]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=helper-active] label");
        await page.ClickAsync("[data-testid=helper-save]");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await page.ClickAsync("[data-testid=pool-retired] label");
        await Assertions.Expect(row).ToContainTextAsync("已退出");
        await AssertNoHorizontalScrollAsync(page);
    });
}
