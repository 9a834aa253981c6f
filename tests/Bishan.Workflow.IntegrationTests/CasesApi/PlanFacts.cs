using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases;
using Bishan.Workflow.Cases.Coordination;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Plans.Reviews;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>
/// 一人一策 (issue 12, point 2): the support plan is a list of goals with measures, a responsible helper from the case's team
/// and a review date; every revision is a version with its author and what changed; a review becomes the caseworker's task
/// when the clock reaches its date, and an agenda reason at the weekly consultation.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class PlanFacts(BishanWebFactory factory)
{
    private static DateOnly Today => DistrictCalendar.Today(TimeProvider.System);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A registered case of CaseworkerA with one helper on its team; returns the case and the helper.</summary>
    private async Task<(RegisteredCase Case, long HelperId, HttpClient Client)> CaseWithTeamAsync()
    {
        var @case = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var helperId = await factory.NewHelperAsync();
        var client = await factory.ClientAsync(CaseworkerA);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/cases/{@case.CaseId}/helpers", new { helperId })).StatusCode);
        return (@case, helperId, client);
    }

    private static object Goal(string title, string measures, long helperId, DateOnly reviewOn, long? id = null, string? result = null) =>
        new { id, title, measures, helperId, reviewOn = Day(reviewOn), result };

    [Fact]
    public async Task Revisions_KeepTheirHistory_WithVersionAuthorAndChanges()
    {
        var (@case, helperId, client) = await CaseWithTeamAsync();

        var v1 = await (await client.PutAsJsonAsync($"/api/cases/{@case.CaseId}/plan",
            new { goals = new[] { Goal("一个月内返校并稳定就读。", "每周家访一次。", helperId, Today.AddDays(14)) } })).ReadOkAsync();
        Assert.Equal(1, v1["version"]!.GetValue<int>());
        var goalId = v1["goals"]![0]!["id"]!.GetValue<long>();

        var v2 = await (await client.PutAsJsonAsync($"/api/cases/{@case.CaseId}/plan", new
        {
            goals = new[]
            {
                Goal("一个月内返校并稳定就读。", "每周家访两次；联系班主任每日反馈。", helperId, Today.AddDays(21), goalId),
                Goal("监护人参加家长课堂。", "邀请父母参加家长课堂。", helperId, Today.AddDays(30)),
            },
            note = "家访发现父母外出务工。",
        })).ReadOkAsync();
        Assert.Equal(2, v2["version"]!.GetValue<int>());

        var file = await (await client.GetAsync($"/api/cases/{@case.CaseId}")).ReadOkAsync();
        var plan = file["supportPlan"]!;
        Assert.Equal(["一个月内返校并稳定就读。", "监护人参加家长课堂。"], plan["goals"]!.AsArray().Select(g => g!["title"]!.GetValue<string>()));
        Assert.Equal(Day(Today.AddDays(21)), plan["goals"]![0]!["reviewOn"]!.GetValue<string>());
        var revisions = plan["revisions"]!.AsArray();
        Assert.Equal([2, 1], revisions.Select(r => r!["version"]!.GetValue<int>()));
        Assert.All(revisions, r => Assert.Equal(CaseworkerA.UserName, r!["authorName"]!.GetValue<string>()));
        var changes = revisions[0]!["changes"]!.GetValue<string>();
        Assert.Contains("目标1措施改为：每周家访两次；联系班主任每日反馈。", changes);
        Assert.Contains($"目标1复核日期：{Day(Today.AddDays(14))} → {Day(Today.AddDays(21))}", changes);
        Assert.Contains("新增目标2：监护人参加家长课堂。", changes);
        Assert.Equal("家访发现父母外出务工。", revisions[0]!["note"]!.GetValue<string>());
        Assert.Contains(file["timeline"]!.AsArray(), t => t!["text"]!.GetValue<string>().StartsWith("帮扶方案（一人一策）第2版：", StringComparison.Ordinal));
        Assert.Equal(2, await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "case.plan.revise" && a.EntityId == @case.CaseId)));

        // The same plan again changes nothing, and says so.
        var same = new
        {
            goals = plan["goals"]!.AsArray().Select(g => new
            {
                id = g!["id"]!.GetValue<long>(), title = g["title"]!.GetValue<string>(), measures = g["measures"]!.GetValue<string>(), helperId,
                reviewOn = g["reviewOn"]!.GetValue<string>(),
            }),
        };
        await (await client.PutAsJsonAsync($"/api/cases/{@case.CaseId}/plan", same)).ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task HelperOutsideTheTeam_AndAPastReviewDate_AreFieldErrors()
    {
        var (@case, _, client) = await CaseWithTeamAsync();
        var outsider = await factory.NewHelperAsync();
        var name = await factory.QueryAsync(db => db.Helpers.Where(h => h.Id == outsider).Select(h => h.Name).SingleAsync());

        var problem = await (await client.PutAsJsonAsync($"/api/cases/{@case.CaseId}/plan", new
        {
            goals = new object[]
            {
                Goal("按时到校。", "每周家访。", outsider, Today.AddDays(7)),
                new { title = "稳定情绪。", measures = "心理辅导。", helperId = (long?)null, reviewOn = Day(Today.AddDays(-1)) },
            },
        })).ReadProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem["errors"]!;
        Assert.Equal($"{name} 不在本个案的帮扶团队中：请从帮扶团队中选择责任帮扶人员，或先将其加入帮扶团队。", errors["goals[0].helperId"]![0]!.GetValue<string>());
        Assert.Equal("责任帮扶人员必填。", errors["goals[1].helperId"]![0]!.GetValue<string>());
        Assert.Equal($"复核日期不能早于今天（今天是 {Day(Today)}）。", errors["goals[1].reviewOn"]![0]!.GetValue<string>());
        Assert.Equal(0, await factory.QueryAsync(db => db.PlanRevisions.CountAsync(r => r.CaseId == @case.CaseId)));

        using var english = new HttpRequestMessage(HttpMethod.Put, $"/api/cases/{@case.CaseId}/plan")
        {
            Content = JsonContent.Create(new { goals = new[] { new { title = "按时到校。", measures = "每周家访。", helperId = outsider, reviewOn = "" } } }),
        };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var inEnglish = (await (await client.SendAsync(english)).ReadProblemAsync(HttpStatusCode.BadRequest))["errors"]!;
        Assert.StartsWith($"{name} is not on this case's helper team", inEnglish["goals[0].helperId"]![0]!.GetValue<string>());
        Assert.Equal("Review date is required.", inEnglish["goals[0].reviewOn"]![0]!.GetValue<string>());

        // Someone outside the case's scope cannot revise it at all.
        var other = await factory.ClientAsync(CaseworkerB);
        await (await other.PutAsJsonAsync($"/api/cases/{@case.CaseId}/plan", new { goals = Array.Empty<object>() })).ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ReviewTask_AppearsWhenTheClockReachesTheDate_AndItsResultShowsOnTheFile()
    {
        var (@case, helperId, client) = await CaseWithTeamAsync();
        var reviewOn = Today.AddDays(10);
        await (await client.PutAsJsonAsync($"/api/cases/{@case.CaseId}/plan",
            new { goals = new[] { Goal("每天按时到校。", "班主任每日反馈考勤。", helperId, reviewOn) } })).ReadOkAsync();
        var clock = new FakeTimeProvider(TimeZoneInfo.ConvertTimeToUtc(reviewOn.AddDays(-1).ToDateTime(new TimeOnly(9, 0)), DistrictCalendar.TimeZone));

        await SweepAsync(clock);
        Assert.Null(await ReviewTaskAsync(@case.CaseId));

        clock.Advance(TimeSpan.FromDays(1));
        await SweepAsync(clock);
        var task = await ReviewTaskAsync(@case.CaseId);
        Assert.NotNull(task);
        Assert.Equal(await factory.UserIdAsync(CaseworkerA), task.AssigneeUserId);
        await SweepAsync(clock);
        Assert.Equal(1, await factory.QueryAsync(db => db.WorkTasks.CountAsync(t => t.CaseId == @case.CaseId && t.Kind == WorkTaskKinds.PlanReview)));

        var inbox = await (await client.GetAsync("/api/tasks?scope=mine&status=open&take=500")).ReadOkAsync();
        Assert.Contains(inbox["items"]!.AsArray(), t => t!["id"]!.GetValue<string>() == task.Id);
        await (await client.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new
        {
            outcome = "Done", data = new JsonObject { ["goalResult"] = "Partly", ["reviewNote"] = "本月缺勤两天。" },
        })).ReadOkAsync();

        var goal = (await (await client.GetAsync($"/api/cases/{@case.CaseId}")).ReadOkAsync())["supportPlan"]!["goals"]![0]!;
        Assert.Equal(("Partly", "本月缺勤两天。"), (goal["result"]!.GetValue<string>(), goal["resultNote"]!.GetValue<string>()));
        Assert.NotNull(goal["reviewedAtUtc"]);
    }

    [Fact]
    public async Task MovingAGoalsReviewToToday_MakesItsTaskAtOnce_AndMovingItAway_CancelsIt()
    {
        var (@case, helperId, client) = await CaseWithTeamAsync();
        var v1 = await (await client.PutAsJsonAsync($"/api/cases/{@case.CaseId}/plan",
            new { goals = new[] { Goal("每天按时到校。", "班主任每日反馈考勤。", helperId, Today.AddDays(14)) } })).ReadOkAsync();
        var goalId = v1["goals"]![0]!["id"]!.GetValue<long>();
        Assert.Null(await ReviewTaskAsync(@case.CaseId));

        // The saved goal's date moves to today: its review is the caseworker's task in the same request.
        await (await client.PutAsJsonAsync($"/api/cases/{@case.CaseId}/plan",
            new { goals = new[] { Goal("每天按时到校。", "每周家访两次。", helperId, Today, goalId) } })).ReadOkAsync();
        var task = await ReviewTaskAsync(@case.CaseId);
        Assert.NotNull(task);
        Assert.Equal(WorkTaskStatus.Open, task.Status);
        var file = await (await client.GetAsync($"/api/cases/{@case.CaseId}")).ReadOkAsync();
        Assert.Contains(file["openTasks"]!.AsArray(), t => t!["id"]!.GetValue<string>() == task.Id);

        // Moved away again, the open review is withdrawn and no other is made.
        await (await client.PutAsJsonAsync($"/api/cases/{@case.CaseId}/plan",
            new { goals = new[] { Goal("每天按时到校。", "每周家访两次。", helperId, Today.AddDays(30), goalId) } })).ReadOkAsync();
        var open = await factory.QueryAsync(db => db.WorkTasks.CountAsync(t => t.CaseId == @case.CaseId && t.Kind == WorkTaskKinds.PlanReview && t.Status == WorkTaskStatus.Open));
        Assert.Equal(0, open);
    }

    private async Task SweepAsync(TimeProvider clock)
    {
        using var scope = factory.Services.CreateScope();
        var sweep = new PlanReviewTasks(scope.ServiceProvider.GetRequiredService<ICasesDbContext>(), clock,
            scope.ServiceProvider.GetRequiredService<CoordinatingBodyResolver>());
        await sweep.RunAsync(CancellationToken.None);
    }

    private Task<WorkTask?> ReviewTaskAsync(string caseId) =>
        factory.QueryAsync(db => db.WorkTasks.AsNoTracking().FirstOrDefaultAsync(t => t.CaseId == caseId && t.Kind == WorkTaskKinds.PlanReview));
}
