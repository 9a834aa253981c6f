using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.Organisation;

/// <summary>
/// Issue 11 point 3: 督办 as the editable `supervision` workflow. 区督查办 issues a notice to a unit about a case; the unit's
/// supervisor answers; 督查办 returns it once and then signs it off; unanswered at the deadline the timer escalates it to the
/// leading group; bad input is refused with the reason.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class SupervisionFacts(BishanWebFactory factory)
{
    private static string Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow,
        TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string InDays(int days) => DateOnly.ParseExact(Today, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        .AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<JsonObject> IssueAsync(string unitId, string? fileNumber, string deadline, string subject = "个案帮扶记录逾期")
    {
        var inspector = await factory.ClientAsync(Inspector);
        return await (await inspector.PostAsJsonAsync("/api/supervision",
            new { unitId, caseFileNumber = fileNumber, subject, requirement = "一周内补齐家访记录并说明原因。", deadline })).ReadOkAsync();
    }

    private async Task<string> FileNumberAsync(string caseId) =>
        await factory.QueryAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.FileNumber).SingleAsync());

    [Fact]
    public async Task Inspector_IssuesANotice_TheUnitAnswers_IsReturnedOnce_ThenSignedOff_OnTheCaseTimelineAndCountedForTheUnit()
    {
        var registered = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var fileNumber = await FileNumberAsync(registered.CaseId);
        var notice = await IssueAsync(AreaA, fileNumber, InDays(7));
        var id = notice["id"]!.GetValue<string>();
        Assert.Equal("Issued", notice["status"]!.GetValue<string>());
        Assert.StartsWith("督办〔", notice["number"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(fileNumber, notice["fileNumber"]!.GetValue<string>());

        // The unit's supervisor has the answer task in their inbox and answers.
        var unit = await factory.ClientAsync(SupervisorAreaA);
        var tasks = await (await unit.GetAsync("/api/tasks?scope=all&take=500")).ReadOkAsync();
        Assert.Contains(tasks["items"]!.AsArray(), t => t!["id"]!.GetValue<string>() == notice["openTaskId"]!.GetValue<string>());
        var answered = await (await unit.PostAsJsonAsync($"/api/supervision/{id}/answer", new { rectification = "已补齐3次家访记录。" })).ReadOkAsync();
        Assert.Equal("Answered", answered["status"]!.GetValue<string>());
        Assert.Equal("已补齐3次家访记录。", answered["answer"]!.GetValue<string>());
        await (await unit.PostAsJsonAsync($"/api/supervision/{id}/answer", new { rectification = "again" })).ReadProblemAsync(HttpStatusCode.Conflict);

        var inspector = await factory.ClientAsync(Inspector);
        var returned = await (await inspector.PostAsJsonAsync($"/api/supervision/{id}/review", new { outcome = "Returned", comment = "请附家访照片。" })).ReadOkAsync();
        Assert.Equal("Returned", returned["status"]!.GetValue<string>());
        await (await unit.PostAsJsonAsync($"/api/supervision/{id}/answer", new { rectification = "已补齐家访记录并附照片。" })).ReadOkAsync();
        var signed = await (await inspector.PostAsJsonAsync($"/api/supervision/{id}/review", new { outcome = "SignedOff" })).ReadOkAsync();
        Assert.Equal("SignedOff", signed["status"]!.GetValue<string>());
        Assert.Equal(1, signed["returns"]!.GetValue<int>());

        // On the case's timeline, counted for the unit, and the unit is told it is signed off.
        var caseId = registered.CaseId;
        Assert.True(await factory.QueryAsync(db => db.TimelineEntries.AnyAsync(e => e.CaseId == caseId && e.Text.Contains(notice["number"]!.GetValue<string>()))));
        var view = await (await (await factory.ClientAsync(Leader)).GetAsync($"/api/responsibility/units/{AreaA}")).ReadOkAsync();
        Assert.True(view["figures"]!["supervisionTotal"]!.GetValue<int>() >= 1);
        Assert.Contains(view["notices"]!.AsArray(), n => n!["id"]!.GetValue<string>() == id && n["status"]!.GetValue<string>() == "SignedOff");
        var supervisorId = await factory.UserIdAsync(SupervisorAreaA);
        Assert.True(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == supervisorId && n.Title.Contains("已销号"))));
    }

    [Fact]
    public async Task UnansweredAtTheDeadline_TheTimerEscalatesToTheLeadingGroup_ButAnAnsweredNoticeIsLeftAlone()
    {
        var late = await IssueAsync(AreaA, null, Today, "逾期任务未处理");
        var answeredInTime = await IssueAsync(AreaA, null, Today, "计划评估超期");
        await (await (await factory.ClientAsync(SupervisorAreaA)).PostAsJsonAsync($"/api/supervision/{answeredInTime["id"]}/answer",
            new { rectification = "已完成评估。" })).ReadOkAsync();

        // What Hangfire does at the deadline: resume the StartAt bookmark.
        foreach (var notice in new[] { late, answeredInTime })
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<BishanDbContext>();
            var instanceId = notice["workflowInstanceId"]!.GetValue<string>();
            var bookmark = await db.WorkflowBookmarks.SingleAsync(b => b.InstanceId == instanceId && b.Name == "Elsa.StartAt" && b.BurnedAtUtc == null);
            var result = await scope.ServiceProvider.GetRequiredService<IWorkflowRuntime>().ResumeAsync(bookmark.Id, null);
            Assert.Equal(ResumeOutcome.Resumed, result.Outcome);
        }

        var leader = await factory.ClientAsync(Leader);
        var escalated = await (await leader.GetAsync($"/api/supervision/{late["id"]}")).ReadOkAsync();
        Assert.NotNull(escalated["escalatedAtUtc"]?.GetValue<DateTime>());
        var left = await (await leader.GetAsync($"/api/supervision/{answeredInTime["id"]}")).ReadOkAsync();
        Assert.Null(left["escalatedAtUtc"]?.GetValue<DateTime?>());
        var leaderId = await factory.UserIdAsync(Leader);
        var number = late["number"]!.GetValue<string>();
        Assert.True(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == leaderId && n.Title.Contains(number))));
    }

    [Fact]
    public async Task BadNotices_AreRefused_WithoutDeadline_ToARetiredUnit_ToAUnitWithoutSupervisor_AndByOthersThanTheSupervisionOffice()
    {
        var inspector = await factory.ClientAsync(Inspector);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/supervision")
        {
            Content = JsonContent.Create(new { unitId = AreaA, subject = "x", requirement = "y" }),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var noDeadline = await (await inspector.SendAsync(request)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Deadline is required.", noDeadline["errors"]!["deadline"]![0]!.GetValue<string>());
        var past = await (await inspector.PostAsJsonAsync("/api/supervision", new { unitId = AreaA, subject = "x", requirement = "y", deadline = InDays(-1) }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("答复期限不能早于今天。", past["errors"]!["deadline"]![0]!.GetValue<string>());

        var admin = await factory.ClientAsync(Administrator);
        var created = await (await admin.PostAsJsonAsync("/api/admin/org-units",
            new { name = "督办撤并村" + Guid.NewGuid().ToString("N")[..4], kind = "Community", parentId = "town-daxing" })).ReadOkAsync();
        var retiredId = created["id"]!.GetValue<string>();
        await (await admin.PostAsync($"/api/admin/org-units/{retiredId}/retire", null)).ReadOkAsync();
        var retired = await (await inspector.PostAsJsonAsync("/api/supervision", new { unitId = retiredId, subject = "x", requirement = "y", deadline = InDays(3) }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已撤销", retired["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var nobody = await (await inspector.PostAsJsonAsync("/api/supervision", new { unitId = "village-jianlong-yanwan", subject = "x", requirement = "y", deadline = InDays(3) }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("没有负责人", nobody["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        foreach (var other in new[] { Leader, SupervisorAreaA, CaseworkerA })
            await (await (await factory.ClientAsync(other)).PostAsJsonAsync("/api/supervision", new { unitId = AreaA, subject = "x", requirement = "y", deadline = InDays(3) }))
                .ReadProblemAsync(HttpStatusCode.Forbidden);
        // The inspector writes only supervision.
        await (await inspector.PostAsJsonAsync("/api/helpers", new { name = "x", kind = "Volunteer" })).ReadProblemAsync(HttpStatusCode.Forbidden);
    }
}
