using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

[Collection(AppCollectionDefinition.Name)]
public sealed class TaskFacts(BishanWebFactory factory)
{
    private async Task<(HttpClient Client, string CaseId, WorkTask Task)> ScreeningAsync()
    {
        var client = await factory.ClientAsync(CaseworkerA);
        var (caseId, instanceId) = await client.ReferAsync(NewReferral(SchoolA));
        return (client, caseId, await factory.OpenTaskAsync(caseId, instanceId));
    }

    [Fact]
    public async Task Complete_WordsFormErrorsInChineseByDefault_AndInEnglishWhenAskedTo()
    {
        var (client, _, task) = await ScreeningAsync();
        var body = new { outcome = "NotEligible", data = new { screeningReason = "", extra = "x" } };

        var chinese = await (await client.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", body)).ReadProblemAsync(HttpStatusCode.BadRequest);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{task.Id}/complete") { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await (await client.SendAsync(request)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.EndsWith("”必填。", chinese["errors"]!["screeningReason"]![0]!.GetValue<string>());
        Assert.Equal("表单没有字段“extra”。", chinese["errors"]!["extra"]![0]!.GetValue<string>());
        Assert.EndsWith("” is required.", english["errors"]!["screeningReason"]![0]!.GetValue<string>());
        Assert.Equal("The form has no field “extra”.", english["errors"]!["extra"]![0]!.GetValue<string>());
        Assert.Equal(WorkTaskStatus.Open, (await factory.QueryAsync(db => db.WorkTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id))).Status);
    }

    [Fact]
    public async Task ScreeningTask_IsInTheCaseworkersInbox_WithFormAndMaskedCase()
    {
        var (client, caseId, task) = await ScreeningAsync();

        var inbox = await (await client.GetAsync("/api/tasks?scope=mine&status=open&take=500")).ReadOkAsync();
        Assert.Contains(inbox["items"]!.AsArray(), t => t!["id"]!.GetValue<string>() == task.Id);

        var detail = await (await client.GetAsync($"/api/tasks/{task.Id}")).ReadOkAsync();
        Assert.Equal(caseId, detail["case"]!["id"]!.GetValue<string>());
        Assert.Contains("********", detail["case"]!["idNumber"]!.GetValue<string>());
        Assert.Contains(detail["form"]!.AsArray(), f => f!["name"]!.GetValue<string>() == "screeningReason");
        Assert.Equal(["Eligible", "NotEligible"], detail["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.True(detail["canComplete"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Complete_Returns403_WhenTaskIsSomeoneElses()
    {
        var (_, _, task) = await ScreeningAsync();
        var body = new { outcome = "NotEligible", data = new { screeningReason = "不符合" } };

        // The area supervisor sees the task (the case is in the area) but does not hold it.
        var supervisor = await factory.ClientAsync(SupervisorAreaA);
        await (await supervisor.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", body)).ReadProblemAsync(HttpStatusCode.Forbidden);
        // A caseworker of another school does not even see it.
        var other = await factory.ClientAsync(CaseworkerA2);
        await (await other.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", body)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await other.GetAsync($"/api/tasks/{task.Id}")).ReadProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(WorkTaskStatus.Open, await factory.QueryAsync(db => db.WorkTasks.Where(t => t.Id == task.Id).Select(t => t.Status).SingleAsync()));
    }

    [Fact]
    public async Task Complete_Returns400WithFieldErrorsAndChangesNothing_WhenFormDataAreInvalid()
    {
        var (client, _, task) = await ScreeningAsync();

        var missing = await (await client.PostAsJsonAsync($"/api/tasks/{task.Id}/complete",
            new { outcome = "Eligible", data = new { proposedTier = "Extreme" } })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["screeningReason"]);
        Assert.NotNull(missing["errors"]!["proposedTier"]);

        var badOutcome = await (await client.PostAsJsonAsync($"/api/tasks/{task.Id}/complete",
            new { outcome = "Approved", data = new { screeningReason = "x" } })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(badOutcome["errors"]!["outcome"]);

        var oversized = await (await client.PostAsJsonAsync($"/api/tasks/{task.Id}/complete",
            new { outcome = "NotEligible", data = new { screeningReason = new string('长', 5000) } })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(oversized["errors"]!["screeningReason"]);

        Assert.Equal(WorkTaskStatus.Open, await factory.QueryAsync(db => db.WorkTasks.Where(t => t.Id == task.Id).Select(t => t.Status).SingleAsync()));
        using var scope = factory.Services.CreateScope();
        var instance = await scope.ServiceProvider.GetRequiredService<IWorkflowInstanceQueries>().GetAsync(task.InstanceId!);
        Assert.Contains(instance!.Bookmarks, b => b.Id == task.BookmarkId);
    }

    [Fact]
    public async Task Complete_Returns200ThenConflict_WhenCompletedTwice()
    {
        var (client, caseId, task) = await ScreeningAsync();
        var body = new { outcome = "NotEligible", data = new { screeningReason = "经核实已正常到校。" } };

        var done = await (await client.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", body)).ReadOkAsync();
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        await (await client.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", body)).ReadProblemAsync(HttpStatusCode.Conflict);

        var row = await factory.QueryAsync(db => db.WorkTasks.SingleAsync(t => t.Id == task.Id));
        Assert.Equal("NotEligible", row.Outcome);
        Assert.Equal(await factory.UserIdAsync(CaseworkerA), row.CompletedByUserId);
        var inbox = await (await client.GetAsync("/api/tasks?scope=mine&status=done&take=500")).ReadOkAsync();
        Assert.Contains(inbox["items"]!.AsArray(), t => t!["id"]!.GetValue<string>() == task.Id);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "task.complete" && a.EntityId == task.Id)));

        // The timeline records the outcome in words, not as the workflow's outcome name.
        var file = await (await client.GetAsync($"/api/cases/{caseId}")).ReadOkAsync();
        var completed = file["timeline"]!.AsArray().Single(t => t!["kind"]!.GetValue<string>() == "TaskCompleted")!["text"]!.GetValue<string>();
        Assert.Contains("不符合，结案", completed);
        Assert.DoesNotContain("NotEligible", completed);
        var evaluation = file["timeline"]!.AsArray().Single(t => t!["kind"]!.GetValue<string>() == "Evaluation")!["text"]!.GetValue<string>();
        Assert.Equal("筛查（不符合，结案）：经核实已正常到校。", evaluation);
    }

    [Fact]
    public async Task GroupTask_IsClaimedByAMemberAndRefusedToOthers()
    {
        var client = await factory.ClientAsync(CaseworkerA);
        var (caseId, _) = await client.ReferAsync(NewReferral(SchoolA));
        var taskId = await AddGroupTaskAsync(caseId, $"{Bishan.Workflow.Cases.Vocabulary.Roles.Supervisor}@{AreaA}");

        var outsider = await factory.ClientAsync(SupervisorAreaB);
        await (await outsider.PostAsync($"/api/tasks/{taskId}/claim", null)).ReadProblemAsync(HttpStatusCode.Forbidden);

        var member = await factory.ClientAsync(SupervisorAreaA);
        var group = await (await member.GetAsync("/api/tasks?scope=group&take=500")).ReadOkAsync();
        Assert.Contains(group["items"]!.AsArray(), t => t!["id"]!.GetValue<string>() == taskId);

        var claimed = await (await member.PostAsync($"/api/tasks/{taskId}/claim", null)).ReadOkAsync();
        Assert.Equal(await factory.UserIdAsync(SupervisorAreaA), claimed["claimedByUserId"]!.GetValue<string>());
        var unclaimed = await (await member.PostAsync($"/api/tasks/{taskId}/unclaim", null)).ReadOkAsync();
        Assert.Null(unclaimed["claimedByUserId"]);
        await (await member.PostAsync($"/api/tasks/{taskId}/claim", null)).ReadOkAsync();

        await (await member.PostAsJsonAsync($"/api/tasks/{taskId}/comment", new { text = "" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await member.PostAsJsonAsync($"/api/tasks/{taskId}/comment", new { text = "本周内家访。" })).ReadOkAsync();

        var done = await (await member.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "Done", data = new { } })).ReadOkAsync();
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        await (await member.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "Done" })).ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Approval_NeedsACommentToRejectOrSendBack()
    {
        var client = await factory.ClientAsync(CaseworkerA);
        var (caseId, _) = await client.ReferAsync(NewReferral(SchoolA));
        var supervisorId = await factory.UserIdAsync(SupervisorAreaA);
        var taskId = await AddGroupTaskAsync(caseId, null, kind: "Approval:Escalation", assignee: supervisorId,
            outcomes: """["Approved","Rejected","SentBack"]""", form: """[{"name":"comment","label":"审批意见","type":"TextArea"}]""");

        var supervisor = await factory.ClientAsync(SupervisorAreaA);
        var problem = await (await supervisor.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "SentBack" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["comment"]);
        await (await supervisor.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "SentBack", comment = "请补充家访记录。" })).ReadOkAsync();
    }

    [Fact]
    public async Task Reassign_NotifiesTheNewAssignee_AndRefusesSomeoneOutsideTheCasesScope()
    {
        var (client, _, task) = await ScreeningAsync();

        var outOfScope = await (await client.PostAsJsonAsync($"/api/tasks/{task.Id}/reassign", new { userName = CaseworkerB.UserName }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(outOfScope["errors"]!["userName"]);
        await (await client.PostAsJsonAsync($"/api/tasks/{task.Id}/reassign", new { userName = "nobody-here" })).ReadProblemAsync(HttpStatusCode.BadRequest);

        var reassigned = await (await client.PostAsJsonAsync($"/api/tasks/{task.Id}/reassign", new { userName = SupervisorAreaA.UserName })).ReadOkAsync();
        Assert.Equal(await factory.UserIdAsync(SupervisorAreaA), reassigned["assigneeUserId"]!.GetValue<string>());

        var supervisor = await factory.ClientAsync(SupervisorAreaA);
        var notifications = await (await supervisor.GetAsync("/api/notifications?unreadOnly=true&take=500")).ReadOkAsync();
        var notification = notifications["items"]!.AsArray().First(n => n!["taskId"]?.GetValue<string>() == task.Id)!;
        var id = notification["id"]!.GetValue<long>();

        await (await client.PostAsync($"/api/notifications/{id}/read", null)).ReadProblemAsync(HttpStatusCode.Forbidden);
        var marked = await (await supervisor.PostAsync($"/api/notifications/{id}/read", null)).ReadOkAsync();
        Assert.Equal(1, marked["marked"]!.GetValue<int>());

        // The former assignee no longer holds it.
        await (await client.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { outcome = "NotEligible", data = new { screeningReason = "x" } }))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Task_Returns404_WhenUnknown()
    {
        var client = await factory.ClientAsync(Administrator);
        await (await client.GetAsync("/api/tasks/no-such-task")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<string> AddGroupTaskAsync(string caseId, string? group, string kind = WorkTaskKinds.Decision, string? assignee = null,
        string outcomes = """["Done"]""", string form = "[]")
    {
        var id = Guid.NewGuid().ToString("N");
        await factory.QueryAsync(async db =>
        {
            db.WorkTasks.Add(new WorkTask
            {
                Id = id, CaseId = caseId, Kind = kind, Title = "会商决定：家访", FormJson = form, OutcomesJson = outcomes,
                AssigneeRule = group ?? "user", CandidateGroup = group, AssigneeUserId = assignee, Status = WorkTaskStatus.Open,
                OrgUnitId = SchoolA, CreatedAtUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        return id;
    }
}
