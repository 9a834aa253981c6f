using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>
/// Subsidies in the demo data: 经费 lists settled ones of every kind, and caseworker2's request that the approver sent back
/// is amended from the inbox; the case file and the next approver read the amended reason and amount.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class SubsidyFacts(AppFixture app) : BrowserSession(app)
{
    [Fact]
    public Task Funding_ListsTheDemoSubsidies_PaidApprovedRejectedAndRequested() => RunAsync(async page =>
    {
        await SignInAsync(page, "/funding");

        var statuses = page.Locator("[data-testid=subsidies] [data-testid=subsidy-row-status]");
        foreach (var status in (string[])["Paid", "Approved", "Rejected", "Requested"])
            await Assertions.Expect(statuses.And(page.Locator($"[data-status={status}]")).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=subsidies]")).ToContainTextAsync("房屋修缮");
        await Assertions.Expect(page.Locator("[data-testid=budget-lines] tbody tr", new() { HasText = "帮扶家庭补助" })
            .Locator("[data-testid=budget-line-spent]")).Not.ToHaveTextAsync("¥0.00");
    });

    [Fact]
    public Task Caseworker_AmendsASentBackSubsidy_AndTheFileAndTheApproverReadTheAmendment() => RunAsync(async page =>
    {
        const string reason = "母亲无业，父亲在外打零工，月收入约 1,800 元；补助学习用品和冬季衣物。";
        await SignInAsync(page, "/inbox", "caseworker2");
        await page.ClickAsync("[data-testid=task-link]:has-text('补充帮扶家庭补助申请')");
        await page.WaitForURLAsync("**/inbox/*");
        await Assertions.Expect(page.Locator("[data-testid=task-description]")).ToContainTextAsync("请补充家庭收入情况说明");
        var caseHref = await page.Locator("[data-testid=case-link]").GetAttributeAsync("href");

        await page.FillAsync("[data-field=reason] textarea", reason);
        await page.FillAsync("[data-field=newAmount] input", "650");
        await page.ClickAsync("[data-outcome=Resubmit]");
        await page.WaitForURLAsync(url => url.EndsWith("/inbox", StringComparison.Ordinal));

        // The case file: the subsidy carries the amended reason and amount, and the timeline says what changed.
        await page.GotoAsync(caseHref!);
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=timeline]")).ToContainTextAsync("金额由 500.00 元调整为 650.00 元");
        await page.ClickAsync(".mud-tab:has-text('补助')");
        var row = page.Locator("[data-testid=case-subsidy][data-status=Requested]");
        await Assertions.Expect(row.Locator("[data-testid=case-subsidy-reason]")).ToHaveTextAsync(reason);
        await Assertions.Expect(row.Locator("[data-testid=case-subsidy-amount]")).ToHaveTextAsync("¥650.00");

        // The approver's page shows the amended request.
        var caseId = caseHref!.Split('/').Last();
        var (approver, taskId) = await SubsidyApprovalAsync(caseId);
        await page.GotoAsync("/logout");
        await SignInAsync(page, $"/approvals/{taskId}", approver);
        var description = page.Locator("[data-testid=task-description]");
        await Assertions.Expect(description).ToContainTextAsync("650.00 元");
        await Assertions.Expect(description).ToContainTextAsync("月收入约 1,800 元");
    });

    /// <summary>The supervisor holding or offered the case's open subsidy approval, and its task id.</summary>
    private async Task<(string UserName, string TaskId)> SubsidyApprovalAsync(string caseId)
    {
        string[] supervisors =
        [
            "supervisor-bicheng", "supervisor-qinggang", "supervisor-dingjia", "supervisor-dalu", "supervisor-edu", "supervisor-zfw",
            "supervisor-tuanqu", "supervisor-minzheng", "supervisor-weijian", "supervisor-taskforce",
        ];
        foreach (var name in supervisors)
        {
            using var api = await DemoApi.SignInAsync(App, name);
            foreach (var scope in new[] { "mine", "group" })
            {
                var tasks = (await api.GetAsync($"/api/tasks?scope={scope}&status=open&take=500"))["items"]!.AsArray();
                if (tasks.FirstOrDefault(t => t!["kind"]!.GetValue<string>() == "Approval:Subsidy" && t["caseId"]?.GetValue<string>() == caseId) is { } task)
                    return (name, task["id"]!.GetValue<string>());
            }
        }
        throw new InvalidOperationException($"No supervisor has the subsidy approval of case {caseId}.");
    }
}
