using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>会商 with demo data (issue 4, scenario 4): the secretary opens the latest weekly consultation and reads its agenda.</summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class MeetingFacts(AppFixture app) : BrowserSession(app)
{
    [Fact]
    public Task Secretary_OpensTheLatestWeeklyConsultation_AndSeesItsAgenda() => RunAsync(async page =>
    {
        await SignInAsync(page, "/meetings", "secretary");
        await page.ClickAsync("[data-testid=meetings-kind]");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('周会商')");
        var latest = page.Locator("[data-testid=meetings-past] [data-testid=meeting-link]").First;
        await Assertions.Expect(latest).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(page);
        await latest.ClickAsync();

        await page.WaitForURLAsync("**/meetings/*");
        await Assertions.Expect(page.Locator("[data-testid=meeting-title]")).ToBeVisibleAsync();
        var agenda = page.Locator("[data-testid=agenda-item]");
        await Assertions.Expect(agenda.First).ToBeVisibleAsync();
        Assert.True(await agenda.CountAsync() > 0);
        // File numbers and names as the use case returns them; the secretary sees the whole meeting.
        await Assertions.Expect(page.Locator("[data-testid=meeting-limited]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=meeting-print]")).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(page);
    });

    [Fact]
    public Task DemoWeeklyConsultation_ShowsMinutesAndDecisionsWithTheirTasks() => RunAsync(async page =>
    {
        await SignInAsync(page, "/meetings/demo-weekly-20231016", "secretary");
        await Assertions.Expect(page.Locator("[data-testid=meeting-title]")).ToHaveTextAsync("区级专班周会商");
        await Assertions.Expect(page.Locator("[data-testid=meeting-minutes]")).ToContainTextAsync("通报本周新入库情况");
        await Assertions.Expect(page.Locator("[data-testid=decision]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=decision]").First).ToContainTextAsync("联合家访");
        await Assertions.Expect(page.Locator("[data-testid=report-none]")).ToBeVisibleAsync();

        // Printing hides the app bar and the drawer.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=meeting-print]")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=agenda]")).ToBeVisibleAsync();
    });
}
