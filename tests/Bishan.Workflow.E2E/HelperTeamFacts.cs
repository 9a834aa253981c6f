using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>From a case file, the caseworker adds a helper from the pool to the team and removes them again.</summary>
[Collection(AppCollectionDefinition.Name)]
public sealed partial class HelperTeamFacts(AppFixture app) : BrowserSession(app)
{
    [GeneratedRegex(@"/cases/[0-9a-z-]+$")]
    private static partial Regex CaseUrl();

    [Fact]
    public Task Caseworker_AssignsAHelperFromThePool_ThenReleasesThem() => RunAsync(async page =>
    {
        await SignInAsync(page, "/cases", "caseworker");
        await page.ClickAsync("[data-testid=filter-status]");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('在库')");
        await Assertions.Expect(page.Locator("[data-testid=cases] tbody tr").First).ToContainTextAsync("在库");
        await page.Locator("[data-testid=case-link]").Last.ClickAsync();
        await page.WaitForURLAsync(CaseUrl());
        await page.ClickAsync(".mud-tab:has-text('帮扶')");

        await page.ClickAsync("[data-testid=team-helper]");
        var option = page.Locator(".mud-popover-open .mud-list-item").First;
        var name = (await option.InnerTextAsync()).Split('·')[0].Trim();
        await option.ClickAsync();
        await page.ClickAsync("[data-testid=team-role] [data-option=Lead]");
        await page.ClickAsync("[data-testid=team-assign]");

        var member = page.Locator("[data-testid=team-member]", new() { HasText = name });
        await Assertions.Expect(member).ToContainTextAsync("组长");
        await AssertNoHorizontalScrollAsync(page);

        await member.Locator("[data-testid=team-release]").ClickAsync();
        await Assertions.Expect(member).ToHaveCountAsync(0);
    });
}
