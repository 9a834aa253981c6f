using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>经费 with demo data: the budget lines with spent and remaining; an administrator records an expenditure, and an overspend is refused with the server's message.</summary>
[Collection(AppCollection.Name)]
public sealed class FundingFacts(AppFixture app) : BrowserSession(app)
{
    [Fact]
    public Task Administrator_RecordsAnExpenditure_AndIsRefusedAnOverspend() => RunAsync(async page =>
    {
        await SignInAsync(page, "/funding");
        var line = page.Locator("[data-testid=budget-lines] tbody tr", new() { HasText = "帮扶家庭补助" });
        await Assertions.Expect(line).ToHaveCountAsync(1);
        await AssertNoHorizontalScrollAsync(page);

        var purpose = "E2E 家庭补助 " + Guid.NewGuid().ToString("N")[..4];
        await page.ClickAsync("[data-testid=expenditure-add]");
        await page.ClickAsync("[data-testid=expenditure-line]");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('帮扶家庭补助')");
        await page.FillAsync("input[data-testid=expenditure-amount], [data-testid=expenditure-amount] input", "99999999");
        await page.FillAsync("input[data-testid=expenditure-purpose], [data-testid=expenditure-purpose] input", purpose);
        await page.ClickAsync("[data-testid=expenditure-save]");
        // The use case's 409: the line would be overspent; the form stays open with the server's message.
        await Assertions.Expect(page.Locator("[data-testid=expenditure-error]")).ToContainTextAsync("帮扶家庭补助");
        await Assertions.Expect(page.Locator("[data-testid=expenditure-row-purpose]", new() { HasText = purpose })).ToHaveCountAsync(0);

        await page.FillAsync("input[data-testid=expenditure-amount], [data-testid=expenditure-amount] input", "100.50");
        await page.ClickAsync("[data-testid=expenditure-save]");
        await Assertions.Expect(page.Locator("[data-testid=expenditure-form]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=expenditure-row-purpose]", new() { HasText = purpose })).ToBeVisibleAsync();
        await Assertions.Expect(line.Locator("[data-testid=budget-line-spent]")).Not.ToHaveTextAsync("¥0.00");
        await AssertNoHorizontalScrollAsync(page);
    });

    [Fact]
    public Task Caseworker_SeesTheBudgetLines_ButNeitherExpendituresNorTheForm() => RunAsync(async page =>
    {
        await SignInAsync(page, "/funding", "caseworker");
        await Assertions.Expect(page.Locator("[data-testid=budget-line-name]", new() { HasText = "专门学校改扩建" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=expenditure-add]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=expenditures]")).ToHaveCountAsync(0);
    });
}
