using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>
/// Meetings the secretary runs (issue 12, point 3): special meetings (专题会) with cases put on the agenda, attendance chosen
/// from users and helpers, decisions that name real cases (an unknown file number is a 400) and become tasks, and the weekly
/// consultation started by the secretary, with a support-plan review as an agenda reason.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class MeetingRunFacts(BishanWebFactory factory)
{
    private static readonly string[] UnknownFileNumber = ["BS-9999-0001"];
    private static readonly string[] UnknownUser = ["no-such-user"];
    private static readonly long[] UnknownHelper = [987654321L];

    private static string Tomorrow(int hour) =>
        DistrictCalendar.Today(TimeProvider.System).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        + $"T{hour.ToString("00", CultureInfo.InvariantCulture)}:00:00+08:00";

    private Task<string> FileNumberAsync(string caseId) => factory.QueryAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.FileNumber).SingleAsync());

    private async Task<(string MeetingId, RegisteredCase Case, string FileNumber)> SpecialMeetingAsync()
    {
        var @case = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var fileNumber = await FileNumberAsync(@case.CaseId);
        var secretary = await factory.ClientAsync(Secretary);
        var response = await secretary.PostAsJsonAsync("/api/meetings",
            new { topic = "涉校学生心理危机干预专题会", scheduledAt = Tomorrow(14), place = "区教委三楼会议室", fileNumbers = new[] { fileNumber } });
        var body = await response.ReadOkAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (body["meetingId"]!.GetValue<string>(), @case, fileNumber);
    }

    [Fact]
    public async Task Secretary_CallsASpecialMeeting_WithTheCasesOnItsAgenda()
    {
        var (id, @case, _) = await SpecialMeetingAsync();

        var meeting = await (await (await factory.ClientAsync(Secretary)).GetAsync($"/api/meetings/{id}")).ReadOkAsync();
        Assert.Equal(("Special", "涉校学生心理危机干预专题会", "区教委三楼会议室", "Scheduled"),
            (meeting["kind"]!.GetValue<string>(), meeting["topic"]!.GetValue<string>(), meeting["place"]!.GetValue<string>(), meeting["status"]!.GetValue<string>()));
        var item = Assert.Single(meeting["agenda"]!.AsArray())!;
        Assert.Equal((@case.CaseId, "Requested"), (item["caseId"]!.GetValue<string>(), item["reason"]!.GetValue<string>()));
        Assert.True(meeting["canRecord"]!.GetValue<bool>());
        Assert.True(meeting["minutesOpen"]!.GetValue<bool>());
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "meeting.schedule" && a.EntityId == id)));

        // The task force calls them too; leaders and caseworkers do not.
        var taskForce = await factory.ClientAsync(SupervisorTaskForce);
        Assert.Equal(HttpStatusCode.Created, (await taskForce.PostAsJsonAsync("/api/meetings",
            new { topic = "失管儿童监护落实专题会", scheduledAt = Tomorrow(9), place = "区民政局", fileNumbers = Array.Empty<string>() })).StatusCode);
        foreach (var refused in new[] { Leader, CaseworkerA, SupervisorAreaA })
            await (await (await factory.ClientAsync(refused)).PostAsJsonAsync("/api/meetings",
                new { topic = "x", scheduledAt = Tomorrow(9), place = "y" })).ReadProblemAsync(HttpStatusCode.Forbidden);

        var unknown = await (await (await factory.ClientAsync(Secretary)).PostAsJsonAsync("/api/meetings",
            new { topic = "专题会", scheduledAt = Tomorrow(9), place = "区教委", fileNumbers = UnknownFileNumber })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("档案库中没有个案编号为 BS-9999-0001 的个案。", unknown["errors"]!["fileNumbers"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Attendance_IsChosenFromUsersAndHelpers_AndUnknownIdsAreRefused()
    {
        var (id, _, _) = await SpecialMeetingAsync();
        var secretary = await factory.ClientAsync(Secretary);

        var options = await (await secretary.GetAsync("/api/meetings/attendee-options")).ReadOkAsync();
        Assert.Contains(options["users"]!.AsArray(), u => u!["name"]!.GetValue<string>() == Secretary.UserName);
        await (await (await factory.ClientAsync(CaseworkerA)).GetAsync("/api/meetings/attendee-options")).ReadProblemAsync(HttpStatusCode.Forbidden);

        var problem = await (await secretary.PostAsJsonAsync($"/api/meetings/{id}/minutes", new
        {
            minutes = "研究干预方案。", attendeeUserIds = UnknownUser, attendeeHelperIds = UnknownHelper,
        })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("没有编号为 no-such-user 的用户。", problem["errors"]!["attendeeUserIds"]![0]!.GetValue<string>());
        Assert.Equal("帮扶资源库中没有编号为 987654321 的帮扶人员。", problem["errors"]!["attendeeHelperIds"]![0]!.GetValue<string>());

        var none = await (await secretary.PostAsJsonAsync($"/api/meetings/{id}/minutes", new { minutes = "研究干预方案。" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("出席人员必填。", none["errors"]!["attendees"]![0]!.GetValue<string>());
        Assert.Equal(MeetingStatus.Scheduled, await factory.QueryAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task Decision_NamingAnUnknownFileNumber_Is400_AndNothingIsStored()
    {
        var (id, _, _) = await SpecialMeetingAsync();
        var secretary = await factory.ClientAsync(Secretary);
        var me = await factory.UserIdAsync(Secretary);

        var problem = await (await secretary.PostAsJsonAsync($"/api/meetings/{id}/minutes", new
        {
            minutes = "研究干预方案。", attendeeUserIds = new[] { me },
            decisions = new[] { new { fileNumber = "BS-9999-0001", text = "本周内联合家访。" } },
        })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("档案库中没有个案编号为 BS-9999-0001 的个案。", problem["errors"]!["decisions[0].fileNumber"]![0]!.GetValue<string>());

        // The minutes task of the meeting's workflow refuses it the same way when completed from the inbox.
        var task = await factory.QueryAsync(db => db.WorkTasks.AsNoTracking().SingleAsync(t => t.MeetingId == id && t.Status == WorkTaskStatus.Open));
        await (await secretary.PostAsJsonAsync($"/api/tasks/{task.Id}/claim", new { })).ReadOkAsync();
        var fromInbox = await (await secretary.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new
        {
            outcome = "Done", data = new JsonObject { ["minutes"] = "研究。", ["attendance"] = "专班成员", ["decisions"] = "BS-9999-0001：本周内联合家访。" },
        })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("BS-9999-0001", fromInbox["errors"]!["decisions"]![0]!.GetValue<string>());

        Assert.Equal(0, await factory.QueryAsync(db => db.MeetingDecisions.CountAsync(d => d.MeetingId == id)));
        Assert.Equal(WorkTaskStatus.Open, await factory.QueryAsync(db => db.WorkTasks.Where(t => t.Id == task.Id).Select(t => t.Status).SingleAsync()));
    }

    [Fact]
    public async Task Decisions_BecomeTasksOfTheCasesCaseworker_AndAttendanceIsRecorded()
    {
        var (id, @case, fileNumber) = await SpecialMeetingAsync();
        var secretary = await factory.ClientAsync(Secretary);
        var me = await factory.UserIdAsync(Secretary);
        var helperId = await factory.NewHelperAsync();

        var recorded = await (await secretary.PostAsJsonAsync($"/api/meetings/{id}/minutes", new
        {
            minutes = "研究该生心理危机干预方案。", attendeeUserIds = new[] { me }, attendeeHelperIds = new[] { helperId },
            decisions = new object[]
            {
                new { fileNumber, text = "三日内由心理教师完成危机评估。" },
                new { fileNumber = (string?)null, text = "各校开展一次心理健康排查。" },
            },
        })).ReadOkAsync();
        var taskId = Assert.Single(recorded["decisionTaskIds"]!.AsArray())!.GetValue<string>();

        var meeting = await (await secretary.GetAsync($"/api/meetings/{id}")).ReadOkAsync();
        Assert.NotEqual("Scheduled", meeting["status"]!.GetValue<string>());
        Assert.Equal([me, null], meeting["attendees"]!.AsArray().Select(a => a!["userId"]?.GetValue<string>()));
        Assert.Equal(helperId, meeting["attendees"]![1]!["helperId"]!.GetValue<long>());
        Assert.Equal(["三日内由心理教师完成危机评估。", "各校开展一次心理健康排查。"], meeting["decisions"]!.AsArray().Select(d => d!["text"]!.GetValue<string>()));
        Assert.Equal(fileNumber, meeting["decisions"]![0]!["fileNumber"]!.GetValue<string>());
        Assert.False(meeting["canRecord"]!.GetValue<bool>());

        var caseworker = await factory.ClientAsync(CaseworkerA);
        var inbox = await (await caseworker.GetAsync("/api/tasks?scope=mine&status=open&take=500")).ReadOkAsync();
        Assert.Contains(inbox["items"]!.AsArray(), t => t!["id"]!.GetValue<string>() == taskId);
        var file = await (await caseworker.GetAsync($"/api/cases/{@case.CaseId}")).ReadOkAsync();
        Assert.Contains(file["timeline"]!.AsArray(), t => t!["text"]!.GetValue<string>().Contains("三日内由心理教师完成危机评估。", StringComparison.Ordinal));

        // Held: no second record.
        await (await secretary.PostAsJsonAsync($"/api/meetings/{id}/minutes", new { minutes = "再记一次。", attendeeUserIds = new[] { me } }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Secretary_StartsTheWeeklyConsultation_WithAPlanReviewOnItsAgenda_OthersAreRefused()
    {
        await EnsureWeeklyPublishedAsync();
        var @case = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var helperId = await factory.NewHelperAsync();
        var caseworker = await factory.ClientAsync(CaseworkerA);
        Assert.Equal(HttpStatusCode.Created, (await caseworker.PostAsJsonAsync($"/api/cases/{@case.CaseId}/helpers", new { helperId })).StatusCode);
        var today = DistrictCalendar.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await (await caseworker.PutAsJsonAsync($"/api/cases/{@case.CaseId}/plan",
            new { goals = new[] { new { title = "情绪稳定。", measures = "每周心理辅导。", helperId, reviewOn = today } } })).ReadOkAsync();
        // Due today: the review is a task at once.
        Assert.True(await factory.QueryAsync(db => db.WorkTasks.AnyAsync(t => t.CaseId == @case.CaseId && t.Kind == WorkTaskKinds.PlanReview)));

        foreach (var refused in new[] { Leader, CaseworkerA, SupervisorAreaA })
            await (await (await factory.ClientAsync(refused)).PostAsync("/api/meetings/weekly", null)).ReadProblemAsync(HttpStatusCode.Forbidden);

        var secretary = await factory.ClientAsync(Secretary);
        var response = await secretary.PostAsync("/api/meetings/weekly", null);
        var started = await response.ReadOkAsync();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var instanceId = started["workflowInstanceId"]!.GetValue<string>();
        try
        {
            var meetingId = started["meetingId"]!.GetValue<string>();
            var meeting = await (await secretary.GetAsync($"/api/meetings/{meetingId}")).ReadOkAsync();
            Assert.Equal("Weekly", meeting["kind"]!.GetValue<string>());
            Assert.Contains(meeting["agenda"]!.AsArray(),
                a => a!["caseId"]!.GetValue<string>() == @case.CaseId && a["reason"]!.GetValue<string>() == "PlanReview");
            Assert.False(meeting["minutesOpen"]!.GetValue<bool>());

            var again = await (await secretary.PostAsync("/api/meetings/weekly", null)).ReadProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains("周会商", again["detail"]!.GetValue<string>());
        }
        finally
        {
            await (await factory.CreateAdminClientAsync()).PostAsync($"/api/workflow-instances/{instanceId}/cancel", null);
        }
    }

    private async Task EnsureWeeklyPublishedAsync()
    {
        var admin = await factory.CreateAdminClientAsync();
        if ((await admin.GetAsync("/api/workflow-definitions/weekly-consultation")).StatusCode != HttpStatusCode.NotFound) return;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bishan.Workflow.sln")))
            {
                await admin.ImportOkAsync(await File.ReadAllTextAsync(Path.Combine(dir.FullName, "workflows", "weekly-consultation.json")));
                return;
            }
    }
}
