using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>The leader's dashboard charts the register's in and out over time, with the demo register's figures.</summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class DashboardFlowFacts(AppFixture app) : BrowserSession(app)
{
    [Fact]
    public Task Leader_SeesRegistrationsAndExitsOverTime() => RunAsync(async page =>
    {
        await SignInAsync(page, "/", "leader");
        var chart = page.Locator("[data-testid=chart-flow]");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        await Assertions.Expect(chart.Locator("svg").First).ToBeVisibleAsync();
        // Exits are counted as the headline figure counts them (211 with demo data, more if a test exits a case).
        Assert.True(int.Parse(await chart.GetAttributeAsync("data-exited") ?? "0", System.Globalization.CultureInfo.InvariantCulture) >= 211);
        Assert.True(int.Parse(await chart.GetAttributeAsync("data-registered") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 0);
        await AssertNoHorizontalScrollAsync(page);
    });
}
