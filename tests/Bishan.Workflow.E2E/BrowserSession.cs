using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>
/// One browser context per test (own cookies, so language and sign-in never leak between tests) at the 1024-px
/// tablet width of issue 4. A failing test leaves a screenshot in <c>TestResults/screenshots/</c>
/// (<c>E2E_SCREENSHOTS=all</c>: every test does).
/// </summary>
public abstract class BrowserSession(AppFixture app)
{
    public const int TabletWidth = 1024;

    /// <summary>Generous for a busy 2-core machine; a passing step normally takes well under a second.</summary>
    protected const float StepTimeoutMs = 30_000;

    protected AppFixture App { get; } = app;

    protected async Task RunAsync(Func<IPage, Task> test, [CallerMemberName] string name = "")
    {
        await using var context = await App.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = TabletWidth, Height = 768 },
            // An English browser on purpose: the UI must be Chinese until the user switches, whatever the browser says.
            Locale = "en-US",
        });
        context.SetDefaultTimeout(StepTimeoutMs);
        // Expectations have their own default (5 s); on a loaded 2-core machine they get the same patience as actions.
        Assertions.SetDefaultExpectTimeout(StepTimeoutMs);
        var page = await context.NewPageAsync();
        try
        {
            await test(page);
            // E2E_SCREENSHOTS=all keeps the final state of passing tests too, for reviewing the pages by eye.
            if (Environment.GetEnvironmentVariable("E2E_SCREENSHOTS") == "all") await ScreenshotAsync(page, name);
        }
        catch (Exception ex)
        {
            var file = await ScreenshotAsync(page, name);
            throw new Xunit.Sdk.XunitException($"{ex.Message}\nScreenshot: {file}\nPage: {page.Url}\nApp output (tail):\n{App.AppOutputTail}\n{ex}");
        }
    }

    protected static async Task SignInAsync(IPage page, string path = "/", string userName = AppFixture.AdminUserName)
    {
        // Waits end at the navigation's commit, not at the load event: a busy machine can hold "load" back for long
        // after the page is usable, and the interactive layout below is the readiness that matters.
        var committed = new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit };
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForURLAsync("**/login?**", committed);
        await page.FillAsync("#login-username", userName);
        await page.FillAsync("#login-password", AppFixture.DemoPassword);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal), committed);
        await WaitForCircuitAsync(page);
    }

    /// <summary>The page is prerendered; buttons work only once the circuit is up and the layout re-rendered interactively.</summary>
    protected static Task WaitForCircuitAsync(IPage page) =>
        page.Locator(".mud-layout[data-interactive]").WaitForAsync();

    protected static async Task AssertNoHorizontalScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (widths[0], widths[1]);
        Assert.True(scroll <= client, $"The page scrolls sideways at {TabletWidth} px: scrollWidth {scroll} > clientWidth {client}.");
    }

    private static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(ResultsDirectory(), "screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{name}.png");
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Timeout = 5_000 });
        }
        catch (PlaywrightException ex)
        {
            return $"(none: {ex.Message})";
        }
        return file;
    }

    /// <summary>The project's TestResults folder (where dotnet test writes its results), found from the build output.</summary>
    private static string ResultsDirectory()
    {
        if (Environment.GetEnvironmentVariable("E2E_RESULTS") is { Length: > 0 } configured) return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bishan.Workflow.E2E.csproj")))
                return Path.Combine(dir.FullName, "TestResults");
        return Path.Combine(AppContext.BaseDirectory, "TestResults");
    }
}
