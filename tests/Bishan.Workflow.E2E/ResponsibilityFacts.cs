using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>
/// 跟踪问效 and 督办 (issue 11): the leader walks the four-level responsibility tree to a late unit and opens the items behind
/// its figures; 区督查办 issues a supervision notice to a unit from its page (an empty form is refused at its fields), the
/// unit's supervisor answers it from the inbox, and 督查办 signs the answer off, which the unit's page then shows.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed partial class ResponsibilityFacts(AppFixture app) : BrowserSession(app)
{
    [GeneratedRegex(@"/responsibility/[^/]+$")]
    private static partial Regex UnitUrl();

    [GeneratedRegex(@"/cases/[0-9a-z-]+$")]
    private static partial Regex CaseUrl();

    [Fact]
    public Task Leader_WalksTheTreeToALateUnit_AndOpensACaseBehindItsFigures() => RunAsync(async page =>
    {
        await SignInAsync(page, "/responsibility", "leader");
        var tree = page.Locator("[data-testid=responsibility-tree]");
        await Assertions.Expect(tree.Locator("[data-testid=resp-node]").First).ToContainTextAsync("领导小组");
        await page.ClickAsync("[data-testid=responsibility-expand-all]");

        // A late unit at the bottom of the chain (no units under it), marked red: its page lists what is late.
        var lateLeaf = tree.Locator("[data-testid=resp-node][data-late=true]:not(:has([data-testid=resp-node]))").First;
        await Assertions.Expect(lateLeaf).ToBeVisibleAsync();
        var name = (await lateLeaf.Locator("[data-testid=resp-link]").First.InnerTextAsync()).Trim();
        await lateLeaf.Locator("[data-testid=resp-link]").First.ClickAsync();
        await page.WaitForURLAsync(UnitUrl());
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=resp-unit-name]")).ToHaveTextAsync(name);
        var items = page.Locator("[data-testid=resp-overdue-items], [data-testid=resp-without-help], [data-testid=resp-plans]");
        await Assertions.Expect(items.First).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(page);

        // Up one level, then down to a case behind a figure.
        await page.ClickAsync("[data-testid=resp-parent]");
        await page.WaitForURLAsync(UnitUrl());
        await Assertions.Expect(page.Locator("[data-testid=resp-unit-name]")).Not.ToHaveTextAsync(name);
        await page.GoBackAsync();
        await WaitForCircuitAsync(page);
        await items.First.Locator("a[href^='/cases/']").First.ClickAsync();
        await page.WaitForURLAsync(CaseUrl());
    });

    [Fact]
    public Task Inspector_IssuesANotice_TheUnitAnswers_AndTheInspectorSignsItOff() => RunAsync(async page =>
    {
        var subject = "开学季辍学排查逾期" + Random.Shared.Next(100000, 1000000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SignInAsync(page, "/responsibility/area-bicheng", "inspector");
        await page.ClickAsync("[data-testid=supervision-issue-open]");
        await page.ClickAsync("[data-testid=supervision-submit]");
        await Assertions.Expect(page.Locator("[data-testid=supervision-form]")).ToContainTextAsync("必填");

        var deadline = DateTime.UtcNow.AddHours(8).AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.FillAsync("[data-testid=supervision-subject] input, input[data-testid=supervision-subject]", subject);
        await page.FillAsync("[data-testid=supervision-requirement] textarea, textarea[data-testid=supervision-requirement]", "一周内完成逐户走访并反馈名单。");
        await page.FillAsync("[data-testid=supervision-deadline] input, input[data-testid=supervision-deadline]", deadline);
        await page.Keyboard.PressAsync("Tab");
        await page.ClickAsync("[data-testid=supervision-submit]");
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "已下发" })).ToBeVisibleAsync();
        var notice = page.Locator("[data-testid=resp-notice]", new() { HasText = subject });
        await Assertions.Expect(notice).ToContainTextAsync("待整改答复");
        var number = (await notice.Locator("td.mono").InnerTextAsync()).Trim();

        // The area's supervisor answers from the inbox.
        await page.GotoAsync("/logout");
        await SignInAsync(page, "/inbox", "supervisor-bicheng");
        await OpenGroupTaskAsync(page, subject);
        await page.FillAsync("[data-field=rectification] textarea", "已完成逐户走访，名单已报区教委。");
        await page.ClickAsync("[data-outcome=Answered]");
        await page.WaitForURLAsync(url => url.EndsWith("/inbox", StringComparison.Ordinal));

        // 督查办 reviews the answer from the inbox and signs it off; the unit's page shows it closed.
        await page.GotoAsync("/logout");
        await SignInAsync(page, "/inbox", "inspector");
        await OpenGroupTaskAsync(page, $"审核{number}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("已完成逐户走访");
        await page.ClickAsync("[data-outcome=SignedOff]");
        await page.WaitForURLAsync(url => url.EndsWith("/inbox", StringComparison.Ordinal));
        await page.GotoAsync("/responsibility/area-bicheng");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=resp-notice]", new() { HasText = subject })).ToContainTextAsync("已销号");
    });

    /// <summary>A task offered to the user's group: found under 我所在组, opened and claimed.</summary>
    private static async Task OpenGroupTaskAsync(IPage page, string text)
    {
        await page.Locator("[data-testid=inbox-tabs] button[role=tab]").Nth(1).ClickAsync();
        await page.Locator("[data-testid=task-table] a[href^='/inbox/']:visible", new() { HasText = text }).First.ClickAsync();
        await page.WaitForURLAsync("**/inbox/*");
        await WaitForCircuitAsync(page);
        await page.ClickAsync("[data-testid=claim]");
        await Assertions.Expect(page.Locator("[data-testid=unclaim]")).ToBeVisibleAsync();
    }
}
