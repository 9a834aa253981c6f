using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

[Collection(AppCollectionDefinition.Name)]
public sealed class SignInFacts(AppFixture app) : BrowserSession(app)
{
    [Fact]
    public Task Dashboard_ShowsShippedDefinitions_WhenAdminSignsInThroughTheForm() => RunAsync(async page =>
    {
        await SignInAsync(page);

        Assert.EndsWith("/", page.Url);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("工作台");
        // The app bar greets by display name (the demo admin's is 系统管理员) and keeps the login as a tooltip.
        await Assertions.Expect(page.Locator("[data-testid=user-name]")).ToHaveTextAsync("系统管理员");
        await Assertions.Expect(page.Locator("[data-testid=user-name]")).ToHaveAttributeAsync("title", AppFixture.AdminUserName);
        await Assertions.Expect(page.Locator("[data-testid=roles]")).ToContainTextAsync("系统管理员");
        var definitions = page.Locator("[data-testid=definitions]");
        await Assertions.Expect(definitions).ToContainTextAsync("case-intake");
        await Assertions.Expect(definitions).ToContainTextAsync("weekly-consultation");
        await Assertions.Expect(page.Locator("[data-testid=nav-menu]")).ToContainTextAsync("流程实例");
        await AssertNoHorizontalScrollAsync(page);
        // The drawer's Hangfire link works with the same cookie.
        var hangfire = await page.Context.APIRequest.GetAsync("/hangfire");
        Assert.Equal(200, hangfire.Status);
    });

    [Fact]
    public Task UnauthenticatedVisit_RedirectsToLogin_AndSigningInReturnsToThePage() => RunAsync(async page =>
    {
        await page.GotoAsync("/instances");

        Assert.Contains("/login?ReturnUrl=%2Finstances", page.Url);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("登录");
        await page.FillAsync("#login-username", AppFixture.AdminUserName);
        await page.FillAsync("#login-password", "not the password");
        await page.ClickAsync("[data-testid=login-submit]");
        await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToHaveTextAsync("用户名或密码错误。");

        await page.FillAsync("#login-password", AppFixture.DemoPassword);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/instances");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("流程实例");
    });

    [Fact]
    public Task Logout_EndsTheSession() => RunAsync(async page =>
    {
        await SignInAsync(page);

        await page.ClickAsync("[data-testid=logout]");
        await page.WaitForURLAsync("**/login");
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/login?ReturnUrl=%2F");
    });
}
