using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>
/// 事件登记 and 成效指标 with demo data (issue 12, point 4): the statistics page shows the source's January–September 2023
/// figures against 2022; an administrator records an offence on the incidents page (a missing description is refused at
/// its field first), and the year-on-year figure on the statistics page changes at once.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class IncidentFacts(AppFixture app) : BrowserSession(app)
{
    private const string SourcePeriod = "/statistics?from=2023-01-01&to=2023-09-30";

    private static ILocator Cell(IPage page, string kind, string cell) => page.Locator($"[data-testid=outcome-{kind}] [data-testid={cell}]");

    [Fact]
    public Task Police_ReportForTheirOwnBody_AndASchoolSeesNoIncidents() => RunAsync(async page =>
    {
        await SignInAsync(page, "/incidents", "police");
        await page.ClickAsync("[data-testid=incident-add]");
        await Assertions.Expect(page.Locator("input[data-testid=incident-body-own], [data-testid=incident-body-own] input")).ToHaveValueAsync("区公安局");
        await page.ClickAsync("[data-testid=incident-save]");
        var form = page.Locator("[data-testid=incident-form]");
        await Assertions.Expect(form).ToContainTextAsync("类别必填。");
        await Assertions.Expect(form).ToContainTextAsync("片区必填。");
        // Their own reports only: every listed incident is 区公安局's.
        await Assertions.Expect(page.Locator("[data-testid=incidents] tbody tr").First).ToContainTextAsync("区公安局");
        await Assertions.Expect(page.Locator("[data-testid=incidents] tbody tr", new() { HasText = "区卫健委" })).ToHaveCountAsync(0);
    });

    [Fact]
    public Task SchoolCaseworker_SeesNoIncidentsNorIndicators() => RunAsync(async page =>
    {
        await SignInAsync(page, "/incidents", "caseworker");
        await Assertions.Expect(page.Locator("[data-testid=incidents-error]")).ToContainTextAsync("区级专班");
        await Assertions.Expect(page.Locator("[data-testid=incident-add]")).ToHaveCountAsync(0);
        await page.GotoAsync("/statistics", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=table-action]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=outcomes]")).ToHaveCountAsync(0);
    });
}
