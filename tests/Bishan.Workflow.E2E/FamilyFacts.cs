using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>Family on the case file (issue 10): the caseworker adds a guardian on the 家庭 tab; the phone shows masked and is revealed on purpose.</summary>
[Collection(AppCollectionDefinition.Name)]
public sealed partial class FamilyFacts(AppFixture app) : BrowserSession(app)
{
    [GeneratedRegex(@"/cases/[0-9a-z-]+$")]
    private static partial Regex CaseUrl();

    [Fact]
    public Task Caseworker_AddsAGuardian_SeesThePhoneMasked_AndRevealsIt() => RunAsync(async page =>
    {
        var suffix = Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var phone = "1370000" + suffix;
        var name = "周" + suffix;
        await SignInAsync(page, "/cases", "caseworker");
        await page.Locator("[data-testid=case-link]").First.ClickAsync();
        await page.WaitForURLAsync(CaseUrl());
        await page.ClickAsync(".mud-tab:has-text('家庭')");

        // A wrong number is refused at the field, in Chinese.
        await page.ClickAsync("[data-testid=family-add]");
        await page.FillAsync("input[data-testid=family-name], [data-testid=family-name] input", name);
        await page.ClickAsync("[data-testid=family-relationship]");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('其他监护人')");
        await page.FillAsync("input[data-testid=family-phone], [data-testid=family-phone] input", "12345");
        await page.ClickAsync("[data-testid=family-residence]");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('重庆市外')");
        await page.FillAsync("input[data-testid=family-city], [data-testid=family-city] input", "浙江宁波");
        await page.Locator("input[data-testid=family-legal-guardian], [data-testid=family-legal-guardian] input").First.CheckAsync();
        await page.ClickAsync("[data-testid=family-save]");
        await Assertions.Expect(page.Locator("[data-testid=family-form]")).ToContainTextAsync("电话须为中国大陆手机号");

        await page.FillAsync("input[data-testid=family-phone], [data-testid=family-phone] input", phone);
        await page.ClickAsync("[data-testid=family-save]");
        var row = page.Locator("[data-testid=family-member]", new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("其他监护人");
        await Assertions.Expect(row).ToContainTextAsync("重庆市外·浙江宁波");
        await Assertions.Expect(row.Locator("[data-testid=family-member-phone]")).ToHaveTextAsync("137****" + suffix);
        await Assertions.Expect(page.Locator("[data-testid=family-history]")).ToContainTextAsync("新增家庭成员：" + name);

        await row.Locator("[data-testid=family-phone-reveal]").ClickAsync();
        await Assertions.Expect(row.Locator("[data-testid=family-member-phone]")).ToHaveTextAsync(phone);
        await AssertNoHorizontalScrollAsync(page);
    });

    [Fact]
    public Task Referral_CarriesTheFamily_ARefusedPhoneShowsAtItsMember_AndTheFileHasIt() => RunAsync(async page =>
    {
        var suffix = Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var child = "孙" + suffix;
        var father = "孙父" + suffix;
        await SignInAsync(page, "/referrals", "caseworker");
        await page.FillAsync("input[data-testid=referral-name], [data-testid=referral-name] input", child);
        await page.ClickAsync("[data-testid=referral-gender] [data-option=Male]");
        await page.FillAsync("input[data-testid=referral-dob], [data-testid=referral-dob] input", "2013-03-15");
        await page.FillAsync("textarea[data-testid=referral-reason], [data-testid=referral-reason] textarea", "父母均在外务工，孩子与祖母同住，近期常不到校。");

        await page.ClickAsync("[data-testid=referral-family-situation]");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('父母均外出务工')");
        await page.ClickAsync("[data-testid=referral-family-add]");
        var member = page.Locator("[data-testid=referral-family-member]").First;
        await member.Locator("input[data-testid=family-name], [data-testid=family-name] input").FillAsync(father);
        await member.Locator("[data-testid=family-relationship]").ClickAsync();
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('父亲')");
        await member.Locator("input[data-testid=family-phone], [data-testid=family-phone] input").FillAsync("5551234");
        await member.Locator("[data-testid=family-residence]").ClickAsync();
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('重庆市外')");
        await member.Locator("input[data-testid=family-city], [data-testid=family-city] input").FillAsync("广东东莞");
        await member.Locator("input[data-testid=family-legal-guardian], [data-testid=family-legal-guardian] input").First.CheckAsync();

        // The wrong number is refused at that member's phone field, and nothing is filed.
        await page.ClickAsync("[data-testid=referral-submit]");
        await Assertions.Expect(member).ToContainTextAsync("电话须为中国大陆手机号");
        Assert.EndsWith("/referrals", page.Url, StringComparison.Ordinal);

        await member.Locator("input[data-testid=family-phone], [data-testid=family-phone] input").FillAsync("1380000" + suffix);
        await page.ClickAsync("[data-testid=referral-submit]");
        await page.WaitForURLAsync(CaseUrl());
        await page.ClickAsync(".mud-tab:has-text('家庭')");
        var row = page.Locator("[data-testid=family-member]", new() { HasText = father });
        await Assertions.Expect(row).ToContainTextAsync("父亲");
        await Assertions.Expect(row).ToContainTextAsync("重庆市外·广东东莞");
        await Assertions.Expect(row.Locator("[data-testid=family-member-phone]")).ToHaveTextAsync("138****" + suffix);
        await Assertions.Expect(page.Locator("[data-testid=family-parent-away]")).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(page);
    });
}
