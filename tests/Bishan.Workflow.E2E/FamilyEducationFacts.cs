using System.Globalization;
using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>
/// The family-education guidance centre (issue 10 point 2): a caseworker refers a case's family from the 家庭 tab; the 璧城
/// sub-centre's guidance worker finds it in 家庭教育指导, accepts it and records a session with who came; the case's timeline
/// shows both.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class FamilyEducationFacts(AppFixture app) : BrowserSession(app)
{
    [Fact]
    public Task Caseworker_RefersTheFamily_GuidanceWorkerAcceptsAndRecordsASession_TheTimelineShowsIt() => RunAsync(async page =>
    {
        // A case of its own (the first one on the list depends on which journeys ran before), with a grandmother who has a phone.
        var tag = Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        string caseId;
        using (var caseworkerApi = await DemoApi.SignInAsync(App, "caseworker"))
        {
            var created = await caseworkerApi.PostAsync("/api/referrals", new
            {
                name = "赵" + tag, gender = "Female", dateOfBirth = "2014-05-01", orgUnitId = "school-bishan-middle", reason = "父母外出务工，祖母照看。",
                suggestedAction = "Unsupervised", source = "班主任",
                family = new
                {
                    situation = "BothParentsAway",
                    members = new[]
                    {
                        new { name = "刘" + tag, relationship = "Grandparent", isLegalGuardian = false, phone = "1390000" + tag, residence = "InBishan",
                            livesWithMinor = true },
                    },
                },
            });
            caseId = created["caseId"]!.GetValue<string>();
        }
        await SignInAsync(page, $"/cases/{caseId}", "caseworker");
        var caseUrl = page.Url;
        await page.ClickAsync(".mud-tab:has-text('家庭')");

        // An empty reason is refused at the field; then the family is referred to the sub-centre of the case's area.
        await page.ClickAsync("[data-testid=family-education-refer]");
        await page.ClickAsync("[data-testid=family-education-submit]");
        await Assertions.Expect(page.Locator("[data-testid=family-education]")).ToContainTextAsync("理由必填");
        await page.FillAsync("textarea[data-testid=family-education-reason], [data-testid=family-education-reason] textarea", "父母长期在外务工，祖辈教养方式简单，需要家庭教育指导。");
        await page.ClickAsync("[data-testid=family-education-submit]");
        var referral = page.Locator("[data-testid=family-education-referral]").First;
        await Assertions.Expect(referral).ToContainTextAsync("待接收");
        await Assertions.Expect(referral).ToContainTextAsync("璧城分中心");
        var href = await referral.Locator("[data-testid=family-education-link]").GetAttributeAsync("href");

        // The 璧城 sub-centre's guidance worker: the nav entry, the list, the referral's page; accept and record a session.
        await page.GotoAsync("/logout");
        await SignInAsync(page, "/family-education", "guidance-bicheng");
        await Assertions.Expect(page.Locator("[data-testid=nav-menu]")).ToContainTextAsync("家庭教育指导");
        await page.Locator($"[data-testid=family-education-row][href='{href}']").ClickAsync();
        await page.WaitForURLAsync("**" + href);
        await Assertions.Expect(page.Locator("[data-testid=fe-status]")).ToHaveTextAsync("待接收");
        await Assertions.Expect(page.Locator("[data-testid=fe-reason]")).ToContainTextAsync("父母长期在外务工");
        await Assertions.Expect(page.Locator("[data-testid=fe-member-phone]").First).ToContainTextAsync("****");
        await page.ClickAsync("[data-testid=fe-accept]");
        await Assertions.Expect(page.Locator("[data-testid=fe-status]")).ToHaveTextAsync("指导中");

        await page.FillAsync("textarea[data-testid=fe-session-content], [data-testid=fe-session-content] textarea", "个别指导：与祖母沟通作业陪伴和作息安排。");
        await page.Locator("input[data-testid=fe-attendee], [data-testid=fe-attendee] input").First.CheckAsync();
        await page.ClickAsync("[data-testid=fe-session-save]");
        var session = page.Locator("[data-testid=fe-session]").First;
        await Assertions.Expect(session).ToContainTextAsync("个别指导");
        await Assertions.Expect(session).ToContainTextAsync("到场1人");
        await AssertNoHorizontalScrollAsync(page);

        // The caseworker's timeline shows the acceptance and the session.
        await page.GotoAsync("/logout");
        await SignInAsync(page, new Uri(caseUrl).PathAndQuery, "caseworker");
        var timeline = page.Locator("[data-testid=timeline]");
        await Assertions.Expect(timeline).ToContainTextAsync("家庭教育指导中心璧城分中心已接收转介");
        await Assertions.Expect(timeline).ToContainTextAsync("开展个别指导，到场1人");
    });
}
