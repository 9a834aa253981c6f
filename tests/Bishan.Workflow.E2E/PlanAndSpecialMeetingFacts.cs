using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Bishan.Workflow.E2E;

/// <summary>
/// Issue 12's journeys for plans and meetings: a caseworker revises a minor's support plan (一人一策) and its review arrives
/// as a task; the secretary calls a special meeting (专题会), records attendance and a decision that becomes a task.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed partial class PlanAndSpecialMeetingFacts(AppFixture app) : BrowserSession(app)
{
    [GeneratedRegex(@"/cases/[0-9a-z-]+$")]
    private static partial Regex CaseUrl();

    [GeneratedRegex(@"/meetings/[0-9a-z-]+$")]
    private static partial Regex MeetingUrl();

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public Task Caseworker_RevisesThePlan_AndItsReviewArrivesAsATask() => RunAsync(async page =>
    {
        await SignInAsync(page, "/cases", "caseworker");
        await page.ClickAsync("[data-testid=filter-status]");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('在库')");
        await Assertions.Expect(page.Locator("[data-testid=cases] tbody tr").First).ToContainTextAsync("在库");
        await page.Locator("[data-testid=case-link]").First.ClickAsync();
        await page.WaitForURLAsync(CaseUrl());
        await page.ClickAsync(".mud-tab:has-text('帮扶')");
        var plan = page.Locator("[data-testid=plan]");
        var version = int.Parse(await plan.GetAttributeAsync("data-version") ?? "0", CultureInfo.InvariantCulture);
        Assert.True(version >= 1, "demo cases come with a support plan");
        await Assertions.Expect(page.Locator("[data-testid=plan-goal]").First).ToBeVisibleAsync();

        // A review date in the past is refused at the field; today's is taken and the review is a task at once.
        await page.ClickAsync("[data-testid=plan-revise]");
        await page.FillAsync("textarea[data-testid=goal-measures-0], [data-testid=goal-measures-0] textarea", "每周家访两次；班主任每日反馈考勤。");
        await page.FillAsync("input[data-testid=goal-review-0], [data-testid=goal-review-0] input", Day(Today.AddDays(-1)));
        await page.ClickAsync("[data-testid=plan-save]");
        await Assertions.Expect(page.Locator("[data-testid=plan-form]")).ToContainTextAsync("复核日期不能早于今天");
        await page.FillAsync("input[data-testid=goal-review-0], [data-testid=goal-review-0] input", Day(Today));
        await page.ClickAsync("[data-testid=plan-save]");

        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = $"已保存为第{version + 1}版" })).ToBeVisibleAsync();
        await Assertions.Expect(plan).ToHaveAttributeAsync("data-version", (version + 1).ToString(CultureInfo.InvariantCulture));
        var latest = page.Locator("[data-testid=plan-revision]").First;
        await Assertions.Expect(latest).ToContainTextAsync($"第{version + 1}版");
        await Assertions.Expect(latest).ToContainTextAsync("目标1措施改为：每周家访两次；班主任每日反馈考勤。");
        await AssertNoHorizontalScrollAsync(page);

        var review = page.Locator("[data-testid=open-task][data-kind=PlanReview]").First;
        await Assertions.Expect(review).ToContainTextAsync("帮扶方案复核：目标1");
        await review.Locator("a").ClickAsync();
        await page.WaitForURLAsync("**/inbox/*");
        await Assertions.Expect(page.Locator("[data-testid=task-title]")).ToContainTextAsync("帮扶方案复核：目标1");
        await page.ClickAsync("[data-field=goalResult] [data-option=Partly]");
        await page.FillAsync("[data-field=reviewNote] textarea", "本月缺勤两天，家长已配合。");
        await page.ClickAsync("[data-outcome=Done]");
        await page.WaitForURLAsync(url => url.EndsWith("/inbox", StringComparison.Ordinal));

        await page.GoBackAsync();
        await page.GoBackAsync();
        await page.WaitForURLAsync(CaseUrl());
        await WaitForCircuitAsync(page);
        await page.ClickAsync(".mud-tab:has-text('帮扶')");
        await Assertions.Expect(page.Locator("[data-testid=plan-goal-result]").First).ToContainTextAsync("部分达成");
    });

    [Fact]
    public Task Secretary_CallsASpecialMeeting_AndRecordsADecision() => RunAsync(async page =>
    {
        string fileNumber;
        using (var api = await DemoApi.SignInAsync(App, "secretary"))
            fileNumber = (await api.GetAsync("/api/cases?status=Registered&take=1"))["items"]![0]!["fileNumber"]!.GetValue<string>();
        var topic = "专题会" + Random.Shared.Next(100000, 1000000).ToString(System.Globalization.CultureInfo.InvariantCulture);

        await SignInAsync(page, "/meetings", "secretary");
        await page.ClickAsync("[data-testid=special-meeting-open]");
        await page.FillAsync("input[data-testid=special-topic], [data-testid=special-topic] input", topic);
        await page.FillAsync("input[data-testid=special-date], [data-testid=special-date] input", Day(Today.AddDays(1)));
        await page.FillAsync("input[data-testid=special-time], [data-testid=special-time] input", "14:30");
        await page.FillAsync("input[data-testid=special-place], [data-testid=special-place] input", "区教委三楼会议室");
        await page.FillAsync("textarea[data-testid=special-cases], [data-testid=special-cases] textarea", fileNumber);
        await page.ClickAsync("[data-testid=special-submit]");

        await page.WaitForURLAsync(MeetingUrl());
        await Assertions.Expect(page.Locator("[data-testid=meeting-title]")).ToHaveTextAsync(topic);
        await Assertions.Expect(page.Locator("[data-testid=meeting-place]")).ToContainTextAsync("区教委三楼会议室");
        await Assertions.Expect(page.Locator("[data-testid=agenda-item]")).ToContainTextAsync(fileNumber);
        await Assertions.Expect(page.Locator("[data-testid=agenda-item]")).ToContainTextAsync("专题研究");

        // Attendance from the users and the helper pool.
        await page.ClickAsync("[data-testid=attendee-users]");
        await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await page.ClickAsync("[data-testid=attendee-users]");
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await page.ClickAsync("[data-testid=attendee-helpers]");
        await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await page.ClickAsync("[data-testid=attendee-helpers]");
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await page.FillAsync("textarea[data-testid=minutes-text], [data-testid=minutes-text] textarea", "研究该生帮扶进展，明确下一步措施。");

        // A file number that is not in the register is refused at its row.
        await page.FillAsync("input[data-testid=decision-file-0], [data-testid=decision-file-0] input", "BS-9999-0001");
        await page.FillAsync("input[data-testid=decision-text-0], [data-testid=decision-text-0] input", "本周内由心理教师完成危机评估。");
        await page.ClickAsync("[data-testid=minutes-submit]");
        await Assertions.Expect(page.Locator("[data-testid=minutes-form]")).ToContainTextAsync("档案库中没有个案编号为 BS-9999-0001 的个案");

        await page.FillAsync("input[data-testid=decision-file-0], [data-testid=decision-file-0] input", fileNumber);
        await page.ClickAsync("[data-testid=minutes-submit]");
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "1 项决定已转为任务" })).ToBeVisibleAsync();
        var decision = page.Locator("[data-testid=decision]");
        await Assertions.Expect(decision).ToContainTextAsync(fileNumber);
        await Assertions.Expect(decision).ToHaveAttributeAsync("data-task-status", "Open");
        await Assertions.Expect(page.Locator("[data-testid=meeting-attendance]")).Not.ToHaveTextAsync("—");
        await Assertions.Expect(page.Locator("[data-testid=meeting-recorder]")).ToHaveCountAsync(0);
        await AssertNoHorizontalScrollAsync(page);
    });
}
