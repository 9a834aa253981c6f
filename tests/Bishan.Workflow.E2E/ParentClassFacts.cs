using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>
/// Parent classes (家长课堂, issue 10 point 2): the 璧城 sub-centre's guidance worker schedules a class from 家庭教育指导, invites the
/// father of a family whose referral it accepted, records after the class that he came, and the referral's page shows the class and
/// its 家长课堂 session. The class starts at midnight today (district time), so it has started when attendance is recorded.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed partial class ParentClassFacts(AppFixture app) : BrowserSession(app)
{
    [GeneratedRegex(@"/family-education/classes/[0-9a-f]{32}$")]
    private static partial Regex ClassUrl();

    [Fact]
    public Task GuidanceWorker_SchedulesAClass_InvitesAReferredFather_RecordsThatHeCame_TheReferralShowsIt() => RunAsync(async page =>
    {
        var tag = Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var father = "王建" + tag;
        string referralId;
        using (var caseworker = await DemoApi.SignInAsync(App, "caseworker"))
        {
            var created = await caseworker.PostAsync("/api/referrals", new
            {
                name = "王" + tag, gender = "Male", dateOfBirth = "2013-04-01", orgUnitId = "school-bishan-middle", reason = "父亲外出务工，祖母隔代教养。",
                suggestedAction = "Unsupervised", source = "班主任",
                family = new
                {
                    situation = "OneParentAway",
                    members = new[] { new { name = father, relationship = "Father", isLegalGuardian = true, residence = "InBishan", livesWithMinor = true } },
                },
            });
            var referral = await caseworker.PostAsync($"/api/cases/{created["caseId"]!.GetValue<string>()}/family-education", new { reason = "需要家庭教育指导。" });
            referralId = referral["id"]!.GetValue<string>();
        }
        using (var guidanceApi = await DemoApi.SignInAsync(App, "guidance-bicheng"))
            await guidanceApi.PostAsync($"/api/family-education/referrals/{referralId}/decision", new { referralDecision = "Accept" });

        // From 家庭教育指导 to 家长课堂; an empty form is refused at its fields, then the class is scheduled for today at midnight.
        await SignInAsync(page, "/family-education", "guidance-bicheng");
        await page.ClickAsync("[data-testid=fec-link]");
        await page.WaitForURLAsync("**/family-education/classes");
        await page.ClickAsync("[data-testid=fec-new]");
        await page.FillAsync("input[data-testid=fec-date], [data-testid=fec-date] input", "");
        await page.ClickAsync("[data-testid=fec-save]");
        await Assertions.Expect(page.Locator("[data-testid=fec-form]")).ToContainTextAsync("地点必填");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")))
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var topic = "亲子沟通" + tag;
        await page.FillAsync("input[data-testid=fec-topic], [data-testid=fec-topic] input", topic);
        await page.FillAsync("input[data-testid=fec-date], [data-testid=fec-date] input", today);
        await page.FillAsync("input[data-testid=fec-time], [data-testid=fec-time] input", "00:00");
        await page.FillAsync("input[data-testid=fec-place], [data-testid=fec-place] input", "璧城街道社区活动室");
        await page.ClickAsync("[data-testid=fec-save]");
        await page.WaitForURLAsync(ClassUrl());
        await Assertions.Expect(page.Locator("[data-testid=fec-status]")).ToHaveTextAsync("已安排");

        // Invite the father of the accepted referral, then record that he came.
        var family = page.Locator("[data-testid=fec-candidate]", new() { HasText = "王" + tag });
        await family.Locator("input[data-testid=fec-candidate-member], [data-testid=fec-candidate-member] input").First.CheckAsync();
        await page.ClickAsync("[data-testid=fec-invite]");
        await Assertions.Expect(page.Locator("[data-testid=fec-invitation]")).ToContainTextAsync(father);
        await page.Locator("input[data-testid=fec-came], [data-testid=fec-came] input").First.CheckAsync();
        await page.ClickAsync("[data-testid=fec-attendance-save]");
        await Assertions.Expect(page.Locator("[data-testid=fec-status]")).ToHaveTextAsync("已开课");
        await Assertions.Expect(page.Locator("input[data-testid=fec-came], [data-testid=fec-came] input").First).ToBeCheckedAsync();
        await AssertNoHorizontalScrollAsync(page);

        // The referral's page shows the class with who came, and its 家长课堂 session.
        await page.GotoAsync($"/family-education/{referralId}");
        var shown = page.Locator("[data-testid=fe-class]");
        await Assertions.Expect(shown).ToContainTextAsync(topic);
        await Assertions.Expect(shown).ToContainTextAsync("到场：" + father);
        await Assertions.Expect(page.Locator("[data-testid=fe-session]").First).ToContainTextAsync("家长课堂");
        await Assertions.Expect(page.Locator("[data-testid=fe-session]").First).ToContainTextAsync("到场1人");
    });
}
