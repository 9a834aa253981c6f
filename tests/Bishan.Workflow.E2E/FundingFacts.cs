using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>经费 with demo data: the budget lines with spent and remaining; an administrator records an expenditure, and an overspend is refused with the server's message.</summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class FundingFacts(AppFixture app) : BrowserSession(app)
{
    [Fact]
    public Task Administrator_RecordsAnExpenditure_AndIsRefusedAnOverspend() => RunAsync(async page =>
    {
        await SignInAsync(page, "/funding");
        var line = page.Locator("[data-testid=budget-lines] tbody tr", new() { HasText = "帮扶家庭补助" });
        await Assertions.Expect(line).ToHaveCountAsync(1);
        await AssertNoHorizontalScrollAsync(page);

        var purpose = "E2E 家庭补助 " + Random.Shared.Next(1000, 10000).ToString(System.Globalization.CultureInfo.InvariantCulture);
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

    /// <summary>The demo supervisors: one of them coordinates the case and gets the subsidy's approval.</summary>
    private static readonly string[] Supervisors =
        ["supervisor-bicheng", "supervisor-qinggang", "supervisor-dingjia", "supervisor-dalu", "supervisor-edu", "supervisor-zfw",
         "supervisor-tuanqu", "supervisor-minzheng", "supervisor-weijian", "supervisor-taskforce"];

    /// <summary>The caseworker asks a subsidy for one of their registered cases and its approver approves it, all through the API.</summary>
    private async Task<string> ApprovedSubsidyCaseAsync(decimal amount)
    {
        using var caseworker = await DemoApi.SignInAsync(App, "caseworker");
        var cases = await caseworker.GetAsync("/api/cases?status=Registered&take=1");
        var caseId = cases["items"]![0]!["id"]!.GetValue<string>();
        var lines = (await caseworker.GetAsync("/api/funding/budget-lines")).AsArray();
        var lineId = lines.Single(l => l!["name"]!.GetValue<string>() == "帮扶家庭补助")!["id"]!.GetValue<long>();
        await caseworker.PostAsync($"/api/cases/{caseId}/subsidies", new { amount, reason = "E2E 家庭临时困难补助。", budgetLineId = lineId });

        foreach (var name in Supervisors)
        {
            using var supervisor = await DemoApi.SignInAsync(App, name);
            foreach (var scope in new[] { "mine", "group" })
            {
                var tasks = (await supervisor.GetAsync($"/api/tasks?scope={scope}&status=open&take=500"))["items"]!.AsArray();
                var task = tasks.FirstOrDefault(t => t!["kind"]!.GetValue<string>() == "Approval:Subsidy" && t["caseId"]?.GetValue<string>() == caseId);
                if (task is null) continue;
                await supervisor.PostAsync($"/api/tasks/{task["id"]!.GetValue<string>()}/complete", new { outcome = "Approved", comment = "E2E 同意。" });
                return caseId;
            }
        }
        throw new InvalidOperationException($"No supervisor got the subsidy approval of case {caseId}.");
    }

    [Fact]
    public Task Administrator_PaysAnApprovedSubsidy() => RunAsync(async page =>
    {
        var caseId = await ApprovedSubsidyCaseAsync(88.80m);
        await SignInAsync(page, "/funding");
        await page.ClickAsync("[data-testid=subsidy-status]");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('已批准')");
        var row = page.Locator("[data-testid=subsidies] tbody tr", new() { Has = page.Locator($"a[href='/cases/{caseId}']") }).First;
        await Assertions.Expect(row.Locator("[data-testid=subsidy-row-status]")).ToHaveAttributeAsync("data-status", "Approved");
        await row.Locator("[data-testid=subsidy-pay]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "已发放" })).ToBeVisibleAsync();

        await page.ClickAsync("[data-testid=subsidy-status]");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('已发放')");
        var paid = page.Locator("[data-testid=subsidies] tbody tr", new() { Has = page.Locator($"a[href='/cases/{caseId}']") }).First;
        await Assertions.Expect(paid.Locator("[data-testid=subsidy-row-status]")).ToHaveAttributeAsync("data-status", "Paid");
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
