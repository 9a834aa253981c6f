using System.Globalization;
using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>
/// Issue 11, what is left of it, in the browser: a user disabled by an administrator is signed out of the page they
/// have open at their next step, and a retired (撤销) school is no longer offered on the referral form, while its own
/// page in 跟踪问效 still shows it, without the button that would issue it a new 督办.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class OrganisationAccountFacts(AppFixture app) : BrowserSession(app)
{
    private static string Digits() => Random.Shared.Next(100000, 999999).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public Task DisabledUser_IsSignedOut_AtTheirNextStep() => RunAsync(async page =>
    {
        using var admin = await DemoApi.SignInAsync(App, AppFixture.AdminUserName);
        var userName = "grid" + Digits();
        var created = await admin.PostAsync("/api/admin/users",
            new { userName, displayName = "网格员" + Digits(), role = "Caseworker", orgUnitId = "school-bishan-middle" });
        var id = created["user"]!["id"]!.GetValue<string>();

        await page.GotoAsync("/cases", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForURLAsync("**/login?**", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.FillAsync("#login-username", userName);
        await page.FillAsync("#login-password", created["temporaryPassword"]!.GetValue<string>());
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        await WaitForCircuitAsync(page);

        await admin.PostAsync($"/api/admin/users/{id}/disable", null);

        // The next page they open: the sign-in page, not the register.
        await page.GotoAsync("/referrals", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForURLAsync("**/login?**", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("#login-username")).ToBeVisibleAsync();
    });

    private async Task<(string Id, string Name)> RetiredSchoolAsync()
    {
        using var admin = await DemoApi.SignInAsync(App, AppFixture.AdminUserName);
        var name = "撤并小学" + Digits();
        var created = await admin.PostAsync("/api/admin/org-units", new { name, kind = "School", parentId = "area-bicheng" });
        var id = created["id"]!.GetValue<string>();
        await admin.PostAsync($"/api/admin/org-units/{id}/retire", null);
        return (id, name);
    }

    [Fact]
    public Task RetiredSchool_IsNotOfferedOnTheReferralForm() => RunAsync(async page =>
    {
        var (_, name) = await RetiredSchoolAsync();

        await SignInAsync(page, "/referrals", "supervisor-bicheng");
        await page.ClickAsync("[data-testid=referral-unit]");
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item:has-text('璧山中学')").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($".mud-popover-open .mud-list-item:has-text('{name}')")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task RetiredSchool_KeepsItsResponsibilityPage_WithoutTheButtonForANewNotice() => RunAsync(async page =>
    {
        var (id, name) = await RetiredSchoolAsync();

        await SignInAsync(page, $"/responsibility/{id}", "inspector");
        await Assertions.Expect(page.Locator("[data-testid=resp-unit-name]")).ToHaveTextAsync(name);
        await Assertions.Expect(page.Locator("[data-testid=supervision-issue-open]")).ToHaveCountAsync(0);
    });
}
