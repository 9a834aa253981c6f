using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>
/// 专报 signed and sent (issue 11 point 5's journey): the secretary drafts a report from live figures and submits it, the task-force
/// head signs it, the leader reads it from the archive, and the read receipt shows on the report.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class SpecialReportFacts(AppFixture app) : BrowserSession(app)
{
    [Fact]
    public Task Secretary_Drafts_Head_Signs_Leader_Reads_WithTheReceiptVisible() => RunAsync(async page =>
    {
        var marker = $"开学季排查{Guid.NewGuid():N}"[..13];
        await SignInAsync(page, "/reports", "secretary");
        await page.ClickAsync("[data-testid=report-draft]");
        await page.WaitForURLAsync("**/reports/*");
        var reportUrl = new Uri(page.Url).AbsolutePath;
        await Assertions.Expect(page.Locator("[data-testid=report-number]")).ToContainTextAsync("璧山五个行动专报");
        await page.FillAsync("[data-testid=report-edit-supervision] textarea", $"逾期任务逐项督办，部署{marker}。");
        await page.ClickAsync("[data-testid=report-submit]");
        await Assertions.Expect(page.Locator("[data-testid=report-status]")).ToHaveAttributeAsync("data-status", "Submitted");
        await Assertions.Expect(page.Locator("[data-testid=report-section-supervision]")).ToContainTextAsync(marker);

        await page.GotoAsync("/logout");
        await SignInAsync(page, reportUrl, "supervisor-taskforce");
        await page.ClickAsync("[data-testid=report-sign]");
        await Assertions.Expect(page.Locator("[data-testid=report-status]")).ToHaveAttributeAsync("data-status", "Issued");
        await Assertions.Expect(page.Locator("[data-testid='receipt-领导小组领导']")).ToHaveAttributeAsync("data-read", "false");

        await page.GotoAsync("/logout");
        await SignInAsync(page, "/reports", "leader");
        await page.FillAsync("[data-testid=reports-search] input", marker);
        await page.ClickAsync("[data-testid=reports-search-go]");
        var link = page.Locator("[data-testid=report-link]");
        await Assertions.Expect(link).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=report-unread]")).ToBeVisibleAsync();
        await link.ClickAsync();
        await page.WaitForURLAsync("**" + reportUrl);
        await Assertions.Expect(page.Locator("[data-testid=report-section-supervision]")).ToContainTextAsync(marker);
        await Assertions.Expect(page.Locator("[data-testid='receipt-领导小组领导']")).ToHaveAttributeAsync("data-read", "true");

        // The secretary sees the leader's receipt too.
        await page.GotoAsync("/logout");
        await SignInAsync(page, reportUrl, "secretary");
        await Assertions.Expect(page.Locator("[data-testid='receipt-领导小组领导']")).ToContainTextAsync("已阅");
        await AssertNoHorizontalScrollAsync(page);
    });
}
