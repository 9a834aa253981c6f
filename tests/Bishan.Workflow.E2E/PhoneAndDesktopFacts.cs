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

    [Theory]
    [MemberData(nameof(Sizes))]
    public Task WorkingPages_FitTheScreen_KeepTheAppBarOnOneLine_AndReadInChinese(string size) => RunAsync(async page =>
    {
        await SignInAsync(page, "/", Supervisor);
        foreach (var path in WorkingPages)
        {
            await OpenAsync(page, path);
            await CheckPageAsync(page, path);
        }

        // The birth date is MudBlazor's picker in the reader's culture, not the browser's native (English) date input.
        await OpenAsync(page, "/referrals");
        await Assertions.Expect(page.Locator("input[data-testid=referral-dob], [data-testid=referral-dob] input")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("input[type=date]")).ToHaveCountAsync(0);

        // One of each detail page: a case file, a task, an approval and a meeting, reached from their lists.
        await OpenAsync(page, "/cases");
        await OpenFirstAsync(page, "[data-testid=cases] a[href^='/cases/']:visible", "**/cases/*");
        await CheckPageAsync(page, "case file");
        await OpenAsync(page, "/inbox");
        await OpenFirstAsync(page, "[data-testid=task-table] a[href^='/inbox/']:visible", "**/inbox/*");
        await Assertions.Expect(page.Locator("[data-testid=task-title]")).ToBeVisibleAsync();
        await CheckPageAsync(page, "task");
        await OpenAsync(page, "/approvals");
        await OpenFirstAsync(page, "[data-testid=task-table] a[href^='/approvals/']:visible", "**/approvals/*");
        await Assertions.Expect(page.Locator("[data-testid=task-title]")).ToBeVisibleAsync();
        await CheckPageAsync(page, "approval");
        await OpenAsync(page, "/meetings");
        await OpenFirstAsync(page, "a[href^='/meetings/']:visible", "**/meetings/*");
        await Assertions.Expect(page.Locator("[data-testid=agenda]")).ToBeVisibleAsync();
        await CheckPageAsync(page, "meeting");
    }, SizeOf(size));

    [Fact]
    public Task Phone_ListsAreTwoLineItems_FiltersOpenFromAButton_AndTheAvatarHoldsTheAccount() => RunAsync(async page =>
    {
        await SignInAsync(page, "/cases", Supervisor);
        await Assertions.Expect(page.Locator("[data-testid=cases] [data-testid=phone-item]").First).ToBeVisibleAsync();
        var item = page.Locator("[data-testid=cases] [data-testid=phone-item]").First;
        // Two lines: the name with the status chip, then file, action, tier and unit; far from the six-line cards.
        var height = (await item.BoundingBoxAsync())!.Height;
        Assert.True(height <= 80, $"A case takes {height} px on a phone.");
        await Assertions.Expect(item.Locator(".mud-chip")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=filter-status]")).ToBeHiddenAsync();
        await page.ClickAsync("[data-testid=filters-toggle]");
        await Assertions.Expect(page.Locator("[data-testid=filter-status]")).ToBeVisibleAsync();

        // The app bar shows the avatar, not the name; the name, the languages and logout are in its menu.
        await Assertions.Expect(page.Locator("[data-testid=user-name]")).ToBeHiddenAsync();
        await page.ClickAsync("[data-testid=user-avatar]");
        await Assertions.Expect(page.Locator("[data-testid=user-menu-logout]")).ToBeVisibleAsync();

        // The inbox's tabs share the width, are buttons in the Tab order, and never scroll.
        await OpenAsync(page, "/inbox");
        var tabs = page.Locator("[data-testid=inbox-tabs] button[role=tab]");
        await Assertions.Expect(tabs).ToHaveCountAsync(3);
        var overflow = await page.EvaluateAsync<bool>("() => { const t = document.querySelector('[data-testid=inbox-tabs]'); return t.scrollWidth > t.clientWidth; }");
        Assert.False(overflow, "The inbox tabs scroll on a phone.");
        await tabs.Nth(0).FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(tabs.Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(tabs.Nth(1)).ToHaveAttributeAsync("aria-selected", "true");

        // A tap anywhere on an item opens it, not only on its title.
        await OpenAsync(page, "/cases");
        var first = page.Locator("[data-testid=cases] [data-testid=phone-item]").First;
        var box = (await first.BoundingBoxAsync())!;
        await first.ClickAsync(new() { Position = new() { X = box.Width - 40, Y = box.Height - 8 } });
        await page.WaitForURLAsync(new Regex("/cases/[0-9a-z-]+$"));
    }, Phone);

    [Fact]
    public Task Desktop_ApprovalsList_SaysWhatIsAsked_ByWhom_AndForWhichTier() => RunAsync(async page =>
    {
        // A severe registration goes to the task force's supervisors: the list must say who asked, for which tier and why.
        using var caseworker = await DemoApi.SignInAsync(App, Caseworker);
        var (caseId, taskId) = await NewScreeningAsync(caseworker, "approval");
        await caseworker.PostAsync($"/api/tasks/{taskId}/complete", new
        {
            outcome = "Eligible",
            data = new
            {
                proposedAction = "MentalHealth",
                proposedTier = "Severe",
                screeningReason = "出现自伤行为，需区级统筹。",
                entryCriteria = await RequiredEntryCriteriaAsync(caseworker, "MentalHealth"),
            },
        });
        var fileNumber = (await caseworker.GetAsync($"/api/cases/{caseId}"))["profile"]!["fileNumber"]!.GetValue<string>();

        await SignInAsync(page, "/approvals", Supervisor);
        var row = page.Locator("[data-testid=task-table] tr", new() { HasText = fileNumber });
        await Assertions.Expect(row.Locator("[data-testid=approval-tier]")).ToContainTextAsync("申请程度：严重");
        await Assertions.Expect(row.Locator("[data-testid=approval-requester]")).ToContainTextAsync("申请人：");
        await Assertions.Expect(row.Locator("[data-testid=approval-reason]")).ToContainTextAsync("出现自伤行为");
        // The demo escalations, started without a requester, still say what is asked and why.
        var demo = page.Locator("[data-testid=task-table] tr", new() { HasText = "升级审批" }).First;
        await Assertions.Expect(demo.Locator("[data-testid=approval-reason]")).ToContainTextAsync("理由");
    }, Desktop);

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

    [Theory]
    [MemberData(nameof(Sizes))]
    public Task Screening_RefusesAnEligibleSubmitWithoutActionAndTier_AtTheFields_ThenMovesOnWhenComplete(string size) => RunAsync(async page =>
    {
        using var api = await DemoApi.SignInAsync(App, Caseworker);
        var (caseId, taskId) = await NewScreeningAsync(api, size);
        await SignInAsync(page, $"/inbox/{taskId}", Caseworker);

        // Before any click the form says which fields 符合 requires.
        await Assertions.Expect(page.Locator("[data-field=proposedAction] .required-when")).ToContainTextAsync("符合");
        await Assertions.Expect(page.Locator("[data-field=proposedTier] .required-when")).ToContainTextAsync("符合");

        await page.FillAsync("[data-field=screeningReason] textarea", "核实属实，符合入库条件。");
        await page.ClickAsync("[data-outcome=Eligible]");

        // Refused at the fields, on this page, with no success message; the task is still open on the server.
        await Assertions.Expect(page.Locator("[data-field=proposedAction]")).ToContainTextAsync("必填");
        await Assertions.Expect(page.Locator("[data-field=proposedTier]")).ToContainTextAsync("必填");
        await Assertions.Expect(page.Locator("[data-testid=task-fix-fields]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        Assert.EndsWith($"/inbox/{taskId}", page.Url, StringComparison.Ordinal);
        Assert.Equal("Open", (await api.GetAsync($"/api/tasks/{taskId}"))["status"]!.GetValue<string>());
        await CheckPageAsync(page, "refused screening");

        // Completed, it moves on to the registration approval instead of coming back as another screening.
        await page.ClickAsync("[data-field=proposedAction] [data-option=DropoutPrevention]");
        await page.ClickAsync("[data-field=proposedTier] [data-option=Light]");
        // The chosen action's entry criteria (入库标准) appear; every required one is ticked with its evidence.
        var required = page.Locator("[data-field=entryCriteria] [data-criterion][data-required=true]");
        await Assertions.Expect(required.First).ToBeVisibleAsync();
        for (var i = 0; i < await required.CountAsync(); i++)
        {
            await required.Nth(i).Locator("input[type=checkbox]").CheckAsync();
            await required.Nth(i).Locator("[data-testid=criterion-evidence] textarea, textarea[data-testid=criterion-evidence]")
                .FillAsync("班主任家访核实。");
        }

        await page.ClickAsync("[data-outcome=Eligible]");
        await page.WaitForURLAsync(url => url.EndsWith("/inbox", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "已办理" })).ToBeVisibleAsync();
        var open = (await api.GetAsync($"/api/cases/{caseId}"))["openTasks"]!.AsArray().Select(t => t!["kind"]!.GetValue<string>()).ToList();
        Assert.Equal(["Approval:Registration"], open);
    }, SizeOf(size));

    /// <summary>The action's required entry criteria (入库标准), each ticked with evidence, as the screening form sends them.</summary>
    private static async Task<JsonArray> RequiredEntryCriteriaAsync(DemoApi api, string action)
    {
        var catalogue = (await api.GetAsync("/api/criteria?kind=Entry")).AsArray().OfType<JsonObject>()
            .Single(c => c["action"]!.GetValue<string>() == action);
        return new JsonArray(catalogue["items"]!.AsArray().OfType<JsonObject>()
            .Where(i => i["required"]!.GetValue<bool>())
            .Select(i => (JsonNode?)new JsonObject { ["id"] = i["id"]!.GetValue<string>(), ["evidence"] = "班主任与心理教师核实。" })
            .ToArray());
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
        ["/", "/inbox", "/approvals", "/cases", "/referrals", "/meetings", "/resource-pool", "/funding", "/incidents", "/statistics"];

    private static readonly string[] HiddenFromCaseworkers = ["/approvals", "/statistics", "/funding"];
}
