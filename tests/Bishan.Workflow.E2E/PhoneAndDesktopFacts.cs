using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>
/// The working pages on a phone (390 × 844) and on a desktop (1440 × 900), in Chinese (issue 14): no page scrolls sideways,
/// the app bar stays one line, no English interface text or raw resource key shows, lists read as two-line items on the
/// phone, and the screening refuses an eligible submit without action and tier at the fields.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed partial class PhoneAndDesktopFacts(AppFixture app) : BrowserSession(app)
{
    private const string Supervisor = "supervisor-taskforce";
    private const string Caseworker = "caseworker";

    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    public static readonly ViewportSize Desktop = new() { Width = 1440, Height = 900 };

    /// <summary>The highest one-line Material app bar (64 px on a desktop, 56 on a phone).</summary>
    private const int MaxAppBarHeight = 64;

    /// <summary>Latin words that are not interface text: the language switch's own name and the demo users' logins.</summary>
    private static readonly HashSet<string> AllowedWords = new(StringComparer.Ordinal)
    {
        "English", "admin", "caseworker", "leader", "secretary", "Excel",
    };

    public static TheoryData<string> Sizes() => ["phone", "desktop"];

    private static ViewportSize SizeOf(string size) => size == "phone" ? Phone : Desktop;

    [Fact]
    public Task Caseworker_SeesNoApprovalsStatisticsOrFunding_InTheMenu() => RunAsync(async page =>
    {
        await SignInAsync(page, "/", Caseworker);
        var menu = page.Locator("[data-testid=nav-menu]");
        await Assertions.Expect(menu).ToContainTextAsync("个案档案");
        foreach (var hidden in HiddenFromCaseworkers)
            await Assertions.Expect(menu.Locator($"a[href='{hidden}']")).ToHaveCountAsync(0);
    }, Desktop);

    [Fact]
    public async Task Favicon_IsServed()
    {
        using var http = new HttpClient { BaseAddress = App.BaseAddress };
        using var response = await http.GetAsync("/favicon.ico");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0);
    }

    /// <summary>A new referral through the API: its screening task is the caseworker's, for this test alone.</summary>
    private static async Task<(string CaseId, string TaskId)> NewScreeningAsync(DemoApi api, string tag)
    {
        var created = await api.PostAsync("/api/referrals", new
        {
            name = "筛查" + tag[..1] + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            gender = "Male",
            dateOfBirth = "2012-06-01",
            orgUnitId = "school-bishan-middle",
            reason = "连续两周未到校。",
            suggestedAction = "DropoutPrevention",
            source = "班主任",
        });
        var caseId = created["caseId"]!.GetValue<string>();
        var tasks = (await api.GetAsync("/api/tasks?scope=mine&status=open&take=500"))["items"]!.AsArray();
        var task = tasks.OfType<JsonObject>().First(t => t["caseId"]?.GetValue<string>() == caseId);
        return (caseId, task["id"]!.GetValue<string>());
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await WaitForCircuitAsync(page);
    }

    private static async Task OpenFirstAsync(IPage page, string selector, string urlPattern)
    {
        await page.Locator(selector).First.ClickAsync();
        await page.WaitForURLAsync(urlPattern, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await WaitForCircuitAsync(page);
    }

    /// <summary>The page has settled (title shown, nothing loading), then the three checks every page must pass.</summary>
    private static async Task CheckPageAsync(IPage page, string what)
    {
        await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mud-progress-linear:visible, .mud-table-loading:visible")).ToHaveCountAsync(0);

        var facts = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
            () => ({
                scrollWidth: document.scrollingElement.scrollWidth,
                innerWidth: window.innerWidth,
                appBar: document.querySelector('.mud-appbar').getBoundingClientRect().height,
                text: document.body.innerText,
            })
            """);
        var scrollWidth = facts.GetProperty("scrollWidth").GetDouble();
        var innerWidth = facts.GetProperty("innerWidth").GetDouble();
        Assert.True(scrollWidth <= innerWidth, $"{what} scrolls sideways at {innerWidth} px: scrollWidth {scrollWidth}.");
        var appBar = facts.GetProperty("appBar").GetDouble();
        Assert.True(appBar <= MaxAppBarHeight, $"{what}: the app bar is {appBar} px high (more than one line).");

        var text = facts.GetProperty("text").GetString() ?? "";
        var keys = RawKey().Matches(text).Select(m => m.Value).Distinct().ToList();
        Assert.True(keys.Count == 0, $"{what} shows resource keys: {string.Join(", ", keys)}");
        var english = LatinWord().Matches(text).Select(m => m.Value)
            .Where(w => !AllowedWords.Contains(w) && !Identifier().IsMatch(w))
            .Distinct().ToList();
        Assert.True(english.Count == 0, $"{what} shows English text on a Chinese page: {string.Join(", ", english)}");
    }

    // Nav.Inbox, FieldLabel_name, Task.FieldRequired: a key printed instead of its text.
    [GeneratedRegex(@"\b[A-Z][A-Za-z]+(?:\.[A-Z][A-Za-z]+|_[A-Za-z]+)\b")]
    private static partial Regex RawKey();

    // Latin words with any identifier characters attached (case-intake, BS-2024-0001, supervisor-taskforce).
    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9_\-]*[A-Za-z0-9]")]
    private static partial Regex LatinWord();

    // Identifiers, not words: with a digit, a hyphen or an underscore (definition ids, file numbers, logins).
    [GeneratedRegex(@"[0-9_\-]")]
    private static partial Regex Identifier();

    private static readonly string[] WorkingPages =
        ["/", "/inbox", "/approvals", "/cases", "/referrals", "/meetings", "/resource-pool", "/funding", "/statistics"];

    private static readonly string[] HiddenFromCaseworkers = ["/approvals", "/statistics", "/funding"];
}
