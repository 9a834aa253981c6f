using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

[Collection(AppCollectionDefinition.Name)]
public sealed class LanguageFacts(AppFixture app) : BrowserSession(app)
{
    [Fact]
    public Task LanguageSwitch_ChangesTheUiToEnglish_AndBackToChinese() => RunAsync(async page =>
    {
        await SignInAsync(page);
        var title = page.Locator("h1");
        var nav = page.Locator("[data-testid=nav-menu]");
        await Assertions.Expect(title).ToHaveTextAsync("工作台");

        await page.ClickAsync("[data-testid=language-switch] [data-culture=en]");
        await Assertions.Expect(title).ToHaveTextAsync("Dashboard");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(nav).ToContainTextAsync("My tasks");
        await Assertions.Expect(nav).ToContainTextAsync("Workflow instances");
        await Assertions.Expect(page.Locator("[data-testid=product-name]")).ToHaveTextAsync("Bishan Five Actions");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.ClickAsync("[data-testid=language-switch] [data-culture=zh-CN]");
        await Assertions.Expect(title).ToHaveTextAsync("工作台");
        await Assertions.Expect(nav).ToContainTextAsync("我的待办");
        await Assertions.Expect(page.Locator("[data-testid=product-name]")).ToHaveTextAsync("璧山区“五项行动”协同平台");
    });

    [Fact]
    public Task LoginPage_IsChineseByDefault_AndSwitchesToEnglish() => RunAsync(async page =>
    {
        await page.GotoAsync("/login");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("登录");

        await page.ClickAsync("[data-testid=language-switch] [data-culture=en]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        Assert.EndsWith("/login", page.Url);
    });
}
