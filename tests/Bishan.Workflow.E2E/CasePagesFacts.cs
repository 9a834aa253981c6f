using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>
/// The case-work pages against the real app with demo data (issue 4, scenarios 1, 2, 3 and 5): a caseworker files a
/// referral and finishes its screening, a supervisor approves an escalation, a leader reads the register's figures.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed partial class CasePagesFacts(AppFixture app) : BrowserSession(app)
{
    [Fact]
    public Task Caseworker_FilesAReferral_AndFinishesItsScreeningInThreeClicks() => RunAsync(async page =>
    {
        await SignInAsync(page, "/referrals", "caseworker");
        var name = "测试" + Random.Shared.Next(1000, 10000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await page.FillAsync("input[data-testid=referral-name], [data-testid=referral-name] input", name);
        await page.ClickAsync("[data-testid=referral-gender] [data-option=Female]");
        await page.FillAsync("input[data-testid=referral-dob], [data-testid=referral-dob] input", "2012-05-01");
        await page.FillAsync("textarea[data-testid=referral-reason], [data-testid=referral-reason] textarea", "连续两周未到校，家长联系不上。");
        await page.ClickAsync("[data-testid=referral-submit]");

        // The file of the new case: intake has started and the screening task waits for this caseworker.
        await page.WaitForURLAsync(CaseUrl());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Assertions.Expect(page.Locator("[data-testid=file-status]")).ToHaveAttributeAsync("data-status", "Screening");
        await page.ClickAsync("[data-testid=open-task][data-kind=Task] a");
        await page.WaitForURLAsync("**/inbox/*");
        await Assertions.Expect(page.Locator("[data-testid=task-title]")).ToHaveTextAsync("个案筛查");
        await Assertions.Expect(page.Locator("[data-testid=case-summary]")).ToContainTextAsync(name);

        // Action and tier, the action's required entry criteria ticked with evidence, the reason, then the outcome button.
        await page.ClickAsync("[data-field=proposedAction] [data-option=DropoutPrevention]");
        await page.ClickAsync("[data-field=proposedTier] [data-option=Light]");
        var required = page.Locator("[data-field=entryCriteria] [data-criterion][data-required=true]");
        await Assertions.Expect(required.First).ToBeVisibleAsync();
        for (var i = 0; i < await required.CountAsync(); i++)
        {
            await required.Nth(i).Locator("input[type=checkbox]").CheckAsync();
            await required.Nth(i).Locator("[data-testid=criterion-evidence] textarea, textarea[data-testid=criterion-evidence]").FillAsync("班主任与村社区入户核实。");
        }
        await page.FillAsync("[data-field=screeningReason] textarea", "核实属实，符合控辍保学入库条件。");
        await page.ClickAsync("[data-outcome=Eligible]");

        await page.WaitForURLAsync(url => url.EndsWith("/inbox", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "已办理" })).ToBeVisibleAsync();

        // The case moved on: still in screening, and the registration approval is pending.
        await page.GotoAsync("/cases");
        await WaitForCircuitAsync(page);
        await page.FillAsync("input[data-testid=cases-search], [data-testid=cases-search] input", name);
        await Assertions.Expect(page.Locator("[data-testid=case-link]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=masked-id]")).ToHaveTextAsync("—");
        await page.ClickAsync("[data-testid=case-link]");
        await page.WaitForURLAsync(CaseUrl());
        await Assertions.Expect(page.Locator("[data-testid=file-status]")).ToHaveAttributeAsync("data-status", "Screening");
        await Assertions.Expect(page.Locator("[data-testid=open-task][data-kind='Approval:Registration']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=timeline]")).ToContainTextAsync("个案筛查");
        await AssertNoHorizontalScrollAsync(page);
    });

    [Fact]
    public Task Screening_ShowsRequiredErrors_BeforeAnythingIsSent() => RunAsync(async page =>
    {
        await SignInAsync(page, "/inbox", "caseworker2");
        await page.ClickAsync("[data-testid=task-link]:has-text('个案筛查')");
        await page.WaitForURLAsync("**/inbox/*");
        await page.ClickAsync("[data-outcome=Eligible]");

        await Assertions.Expect(page.Locator("[data-field=screeningReason]")).ToContainTextAsync("必填");
        Assert.Matches("/inbox/[0-9a-z-]+$", page.Url);
    });

    [Fact]
    public Task Supervisor_ApprovesAnEscalation_AndTheFileShowsTheNewTier() => RunAsync(async page =>
    {
        await SignInAsync(page, "/approvals", "supervisor-taskforce");
        var link = page.Locator("[data-testid=task-link]").First;
        await Assertions.Expect(link).ToContainTextAsync("升级审批");
        await link.ClickAsync();
        await page.WaitForURLAsync("**/approvals/*");
        var title = page.Locator("[data-testid=task-title]");
        await Assertions.Expect(title).ToHaveAttributeAsync("data-target-tier", "Severe");
        await Assertions.Expect(page.Locator("[data-testid=case-history]")).ToBeVisibleAsync();
        var caseHref = await page.Locator("[data-testid=case-link]").GetAttributeAsync("href");

        // Sending back without a comment is refused on the page, before the use case is asked.
        await page.ClickAsync("[data-outcome=SentBack]");
        await Assertions.Expect(page.Locator("[data-field=comment]")).ToContainTextAsync("审批意见");

        await page.FillAsync("[data-field=comment] textarea", "同意升级，由区级专班统筹。");
        await page.ClickAsync("[data-outcome=Approved]");
        await page.WaitForURLAsync(url => url.EndsWith("/approvals", StringComparison.Ordinal));

        await page.GotoAsync(caseHref!);
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=file-tier]")).ToHaveAttributeAsync("data-tier", "Severe");
        await Assertions.Expect(page.Locator("[data-testid=timeline] [data-kind=TierChanged]").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=profile]")).ToContainTextAsync("区级");
    });

    [Fact]
    public Task Caseworker_RecordsHelp_AndRequestsTheExitEvaluation_FromTheFile() => RunAsync(async page =>
    {
        await SignInAsync(page, "/cases", "caseworker");
        await page.ClickAsync("[data-testid=filter-status]");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('在库')");
        await Assertions.Expect(page.Locator("[data-testid=cases] tbody tr").First).ToContainTextAsync("在库");
        await page.Locator("[data-testid=case-link]").First.ClickAsync();
        await page.WaitForURLAsync(CaseUrl());
        await Assertions.Expect(page.Locator("[data-testid=file-status]")).ToHaveAttributeAsync("data-status", "Registered");

        // The caseworker's own case: the ID number shows masked until they ask to see it whole.
        var idNumber = page.Locator("[data-testid=id-number]");
        await Assertions.Expect(idNumber).ToContainTextAsync("********");
        await page.ClickAsync("[data-testid=id-number-reveal]");
        await Assertions.Expect(idNumber).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{17}[\dX]$"));
        await page.ClickAsync("[data-testid=id-number-reveal]");
        await Assertions.Expect(idNumber).ToContainTextAsync("********");

        await page.ClickAsync("[data-testid=action-help]");
        await page.ClickAsync("[data-testid=help-kind]");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('家访')");
        await page.FillAsync("textarea[data-testid=help-content], [data-testid=help-content] textarea", "E2E 家访：孩子按时到校。");
        await page.ClickAsync("[data-testid=action-submit]");
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "帮扶记录已保存" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=timeline]")).ToContainTextAsync("E2E 家访");

        await page.ClickAsync("[data-testid=action-exit]");
        await page.FillAsync("textarea[data-testid=exit-reason], [data-testid=exit-reason] textarea", "帮扶目标已达成。");
        await page.ClickAsync("[data-testid=action-submit]");
        // The exit-evaluation workflow started: its first task waits in the file.
        await Assertions.Expect(page.Locator("[data-testid=open-task]", new() { HasText = "出库条件核查" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=file-status]")).ToHaveAttributeAsync("data-status", "ExitEvaluation");
        await AssertNoHorizontalScrollAsync(page);
    });

    [Fact]
    public Task Leader_SeesTheRegistersFigures_OnTheDashboard() => RunAsync(async page =>
    {
        await SignInAsync(page, "/", "leader");
        await Assertions.Expect(page.Locator("[data-testid=figure-registered]")).ToHaveTextAsync("476");
        await Assertions.Expect(page.Locator("[data-testid=figure-exited]")).ToHaveTextAsync("211");
        await Assertions.Expect(page.Locator("[data-testid=chart-action] svg").First).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(page);
    });

    [Fact]
    public Task Statistics_SwitchesToEnglish_AndExportsTheRegisterWithTheCookie() => RunAsync(async page =>
    {
        await SignInAsync(page, "/statistics", "leader");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("统计");
        await Assertions.Expect(page.Locator("[data-testid=table-action]")).ToContainTextAsync("心理健康关爱");
        await Assertions.Expect(page.Locator("[data-testid=table-action]")).ToContainTextAsync("311");
        await AssertNoHorizontalScrollAsync(page);

        await page.ClickAsync("[data-testid=language-switch] [data-culture=en]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Statistics");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=register-figures]")).ToContainTextAsync("Registered (ever)");
        await Assertions.Expect(page.Locator("[data-testid=export-register]")).ToContainTextAsync("Export register");

        // The export link is the API's: the browser's Identity cookie is enough.
        var href = await page.Locator("[data-testid=export-register]").GetAttributeAsync("href");
        var export = await page.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, export.Status);
        Assert.Contains("spreadsheetml", export.Headers["content-type"], StringComparison.Ordinal);
    });

    private static Regex CaseUrl() => CaseUrlPattern();

    [GeneratedRegex("/cases/[0-9a-f]{32}$")]
    private static partial Regex CaseUrlPattern();
}
