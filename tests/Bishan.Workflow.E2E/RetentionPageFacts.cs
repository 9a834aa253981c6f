using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>
/// 数据保留与备份 with the demo register (issue 13 §4–5): the administrator sees the dry run (the 2023 exits are past the
/// three-year period, their file numbers masked) and backs up at once; the new backup is listed as the last one with
/// both database files.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed partial class RetentionPageFacts(AppFixture app) : BrowserSession(app)
{
    [Fact]
    public Task Administrator_SeesTheDryRun_AndStartsABackup_ThatIsListed() => RunAsync(async page =>
    {
        await SignInAsync(page, "/retention");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("数据保留与备份");

        var card = page.Locator("[data-testid=retention-card]");
        await Assertions.Expect(card).ToContainTextAsync("待匿名化档案");
        var chips = page.Locator("[data-testid=retention-file-numbers] .mud-chip");
        await Assertions.Expect(chips.First).ToBeVisibleAsync();
        Assert.Matches(MaskedFileNumber(), (await chips.First.InnerTextAsync()).Trim());
        var count = int.Parse(await page.Locator("[data-testid=retention-cases-count]").GetAttributeAsync("data-count") ?? "0",
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(count > 0, "the demo register's 2023 exits are past the three-year period");
        Assert.Equal(count, await chips.CountAsync());

        var rows = page.Locator("[data-testid=backup-list] tbody tr:has(td.mono)");
        var before = await rows.CountAsync();
        await page.ClickAsync("[data-testid=backup-now]");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("备份");
        await Assertions.Expect(rows).ToHaveCountAsync(before + 1);
        await Assertions.Expect(page.Locator("[data-testid=backup-last]")).ToContainTextAsync("bishan.db, hangfire.db");
        await Assertions.Expect(rows.First).ToContainTextAsync("backup-");
        await AssertNoHorizontalScrollAsync(page);
    });

    [GeneratedRegex(@"^BS-\d{4}-\*\*\d{2}$")]
    private static partial Regex MaskedFileNumber();
}
