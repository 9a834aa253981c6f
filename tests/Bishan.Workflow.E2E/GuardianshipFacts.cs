using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>
/// The parents-return-home guardianship consultation (issue 10, point 3): the caseworker proposes it on the 家庭 tab, 区民政局
/// arranges it with a job from the employer register and records "parent returns", the family record follows, and the
/// three-month review arrives in the caseworker's inbox when the workflow's timer fires.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed partial class GuardianshipFacts(AppFixture app) : BrowserSession(app)
{
    [GeneratedRegex(@"/guardianship/consultations/(\d+)$")]
    private static partial Regex ConsultationUrl();

    [Fact]
    public Task Consultation_RunToParentReturns_ChangesTheFamily_AndTheFollowUpArrives() => RunAsync(async page =>
    {
        var tag = Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var employerName = "璧山电子" + tag;
        using (var civilApi = await DemoApi.SignInAsync(App, "supervisor-minzheng"))
            await civilApi.PostAsync("/api/guardianship/employers", new
            {
                name = employerName, industry = "电子制造", contactPerson = "周经理", contactPhone = "1390000" + tag, cooperationSigned = true,
                signedOn = "2026-03-01", jobs = new[] { new { title = "装配工", openings = 3 } },
            });
        string caseId;
        using (var caseworkerApi = await DemoApi.SignInAsync(App, "caseworker"))
        {
            var created = await caseworkerApi.PostAsync("/api/referrals", new
            {
                name = "王" + tag, gender = "Male", dateOfBirth = "2013-04-01", orgUnitId = "school-bishan-middle", reason = "父亲外出务工，长期无人照看。",
                suggestedAction = "Unsupervised", source = "班主任",
                family = new
                {
                    situation = "OneParentAway",
                    members = new[]
                    {
                        new { name = "王建" + tag, relationship = "Father", isLegalGuardian = true, residence = "OutsideChongqing", city = "广东东莞", livesWithMinor = false },
                    },
                },
            });
            caseId = created["caseId"]!.GetValue<string>();
        }

        // The caseworker proposes the consultation from the 家庭 tab.
        await SignInAsync(page, $"/cases/{caseId}", "caseworker");
        await page.ClickAsync(".mud-tab:has-text('家庭')");
        await page.ClickAsync("[data-testid=guardianship-propose]");
        await page.ClickAsync("[data-testid=guardianship-submit]");
        await Assertions.Expect(page.Locator("[data-testid=guardianship-propose-form]")).ToContainTextAsync("理由必填");
        await page.FillAsync("textarea[data-testid=guardianship-reason], [data-testid=guardianship-reason] textarea", "父亲常年在东莞务工，孩子由祖母照看，近期多次逃学。");
        await page.ClickAsync("[data-testid=guardianship-submit]");
        await page.WaitForURLAsync(ConsultationUrl());
        var consultationId = ConsultationUrl().Match(page.Url).Groups[1].Value;
        await Assertions.Expect(page.Locator("[data-testid=consultation-status]")).ToHaveTextAsync("已提请");

        // 区民政局 arranges it with a job from the register and records that the father comes home to it.
        await page.Context.ClearCookiesAsync();
        await SignInAsync(page, "/guardianship/employers", "supervisor-minzheng");
        await Assertions.Expect(page.Locator("[data-testid=employer-row]", new() { HasText = employerName })).ToContainTextAsync("139****" + tag);
        await page.GotoAsync($"/guardianship/consultations/{consultationId}", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await WaitForCircuitAsync(page);
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.FillAsync("input[data-testid=arrange-date], [data-testid=arrange-date] input", today);
        await page.FillAsync("input[data-testid=arrange-place], [data-testid=arrange-place] input", "璧城街道会议室");
        await page.Locator("[data-testid=arrange-job]", new() { HasText = employerName }).Locator("input").CheckAsync();
        await page.ClickAsync("[data-testid=arrange-save]");
        await Assertions.Expect(page.Locator("[data-testid=consultation-status]")).ToHaveTextAsync("已安排");

        await page.FillAsync("input[data-testid=record-date], [data-testid=record-date] input", today);
        await page.Locator("[data-testid=took-employer] input").CheckAsync();
        await page.ClickAsync("[data-testid=record-outcome]");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('父母回乡并在本地就业')");
        await page.ClickAsync("[data-testid=record-job]");
        await page.ClickAsync($".mud-popover-open .mud-list-item:has-text('{employerName}')");
        await page.ClickAsync("[data-testid=record-save]");
        await Assertions.Expect(page.Locator("[data-testid=consultation-status]")).ToHaveTextAsync("待回访");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync(employerName + "·装配工");
        await AssertNoHorizontalScrollAsync(page);

        // Three months pass: the workflow's timer fires (what its Hangfire job does) and the review is the caseworker's task.
        using (var admin = await DemoApi.SignInAsync(App, "admin"))
        {
            var instanceId = (await admin.GetAsync($"/api/workflow-instances?definitionId=guardianship-consultation&correlationId={caseId}&take=5"))
                .AsArray().OfType<JsonObject>().First()["id"]!.GetValue<string>();
            var timer = (await admin.GetAsync($"/api/workflow-instances/{instanceId}"))["bookmarks"]!.AsArray().OfType<JsonObject>()
                .Single(b => b["activityId"]!.GetValue<string>() == "wait-review");
            await admin.PostAsync($"/api/bookmarks/{timer["id"]!.GetValue<string>()}/resume", new { });
        }

        await page.Context.ClearCookiesAsync();
        await SignInAsync(page, "/inbox", "caseworker");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("监护会商三个月后回访");
        await page.GotoAsync($"/cases/{caseId}", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await WaitForCircuitAsync(page);
        await page.ClickAsync(".mud-tab:has-text('家庭')");
        await Assertions.Expect(page.Locator("[data-testid=family]")).ToContainTextAsync(employerName);
        await Assertions.Expect(page.Locator("[data-testid=family-history]")).ToContainTextAsync("经监护会商回乡");
        await page.ClickAsync("[data-testid=guardianship-open]");
        await page.WaitForURLAsync(ConsultationUrl());
        await page.FillAsync("textarea[data-testid=follow-up-note], [data-testid=follow-up-note] textarea", "父亲在璧山上班，每天接送孩子。");
        await page.ClickAsync("[data-testid=follow-up-save]");
        await Assertions.Expect(page.Locator("[data-testid=consultation-status]")).ToHaveTextAsync("已结束");
    });
}
