using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

[Collection(AppCollectionDefinition.Name)]
public sealed class FundingFacts(BishanWebFactory factory)
{
    private async Task<decimal> RemainingAsync(long lineId)
    {
        var lines = await (await (await factory.ClientAsync(CaseworkerA)).GetAsync("/api/funding/budget-lines?year=2026")).Content
            .ReadFromJsonAsync<System.Text.Json.Nodes.JsonArray>();
        return lines!.Single(l => l!["id"]!.GetValue<long>() == lineId)!["remaining"]!.GetValue<decimal>();
    }

    private async Task<(string SubsidyId, string InstanceId)> AskAsync(string caseId, decimal amount, long lineId)
    {
        var caseworker = await factory.ClientAsync(CaseworkerA);
        var response = await caseworker.PostAsJsonAsync($"/api/cases/{caseId}/subsidies", new { amount, reason = "父亲务工受伤，家庭暂无收入。", budgetLineId = lineId });
        var body = await response.ReadOkAsync();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (body["subsidyId"]!.ToString(), body["workflowInstanceId"]!.GetValue<string>());
    }

    private Task<Subsidy> SubsidyAsync(string id)
    {
        var key = long.Parse(id, CultureInfo.InvariantCulture);
        return factory.QueryAsync(db => db.Subsidies.AsNoTracking().SingleAsync(s => s.Id == key));
    }

    [Fact]
    public async Task Expenditures_NeverOverspendALine_WhenRecordedAtTheSameMoment()
    {
        var lineId = await factory.NewBudgetLineAsync(1000m);
        var supervisor = await factory.ClientAsync(SupervisorTaskForce);

        // Ten requests of 300 race for 1,000: exactly three fit.
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            supervisor.PostAsJsonAsync("/api/funding/expenditures", new { budgetLineId = lineId, amount = 300m, purpose = $"并发 {i}" })));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(100m, await RemainingAsync(lineId));
    }

    [Fact]
    public async Task BudgetLine_ShowsSpentAndRemaining_AndRefusesOverspendingWith409()
    {
        var lineId = await factory.NewBudgetLineAsync(1000m);
        var supervisor = await factory.ClientAsync(SupervisorTaskForce);

        var spent = await supervisor.PostAsJsonAsync("/api/funding/expenditures", new { budgetLineId = lineId, amount = 250.5m, purpose = "社工交通补贴" });
        Assert.Equal(HttpStatusCode.Created, spent.StatusCode);
        Assert.Equal(749.5m, await RemainingAsync(lineId));

        var over = await (await supervisor.PostAsJsonAsync("/api/funding/expenditures", new { budgetLineId = lineId, amount = 800m, purpose = "超支" }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("749.50", over["detail"]!.GetValue<string>());
        Assert.Equal(749.5m, await RemainingAsync(lineId));
        var bad = await (await supervisor.PostAsJsonAsync("/api/funding/expenditures", new { budgetLineId = 987654321, amount = 0.001m }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "budgetLineId", "amount", "purpose" }) Assert.NotNull(bad["errors"]![field]);

        var list = await (await supervisor.GetAsync($"/api/funding/expenditures?budgetLineId={lineId}")).ReadOkAsync();
        Assert.Equal(250.5m, Assert.Single(list["items"]!.AsArray())!["amount"]!.GetValue<decimal>());
        await (await (await factory.ClientAsync(CaseworkerA)).GetAsync("/api/funding/expenditures")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsync(SupervisorAreaA)).PostAsJsonAsync("/api/funding/expenditures",
            new { budgetLineId = lineId, amount = 1m, purpose = "区外科目" })).ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task BudgetLines_AreOpenedByAdministratorsOnly_WithFieldErrors()
    {
        var body = new { year = 2026, name = "购买社工服务", orgUnitId = "dept-civil-affairs", amount = 205_600m };
        await (await (await factory.ClientAsync(SupervisorTaskForce)).PostAsJsonAsync("/api/funding/budget-lines", body)).ReadProblemAsync(HttpStatusCode.Forbidden);
        var admin = await factory.ClientAsync(Administrator);
        var created = await (await admin.PostAsJsonAsync("/api/funding/budget-lines", body)).ReadOkAsync();
        Assert.Equal(205_600m, created["remaining"]!.GetValue<decimal>());
        var bad = await (await admin.PostAsJsonAsync("/api/funding/budget-lines", new { year = 1999, name = "", orgUnitId = "nowhere", amount = -5m }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "year", "name", "orgUnitId", "amount" }) Assert.NotNull(bad["errors"]![field]);
    }

    [Fact]
    public async Task Subsidy_ApprovedByTheCoordinatingSupervisor_RecordsTheExpenditure_ThenIsPaid()
    {
        var c = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var lineId = await factory.NewBudgetLineAsync(1000m);
        var (subsidyId, instanceId) = await AskAsync(c.CaseId, 600m, lineId);
        Assert.Equal(SubsidyStatus.Requested, (await SubsidyAsync(subsidyId)).Status);

        var task = await factory.OpenTaskOfAsync(instanceId);
        Assert.Equal("Approval:Subsidy", task.Kind);
        var approve = new { outcome = "Approved", comment = "同意。" };
        await (await (await factory.ClientAsync(SupervisorAreaB)).PostAsJsonAsync($"/api/tasks/{task.Id}/complete", approve)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsync(CaseworkerA)).PostAsJsonAsync($"/api/tasks/{task.Id}/complete", approve)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsync(SupervisorAreaA)).PostAsJsonAsync($"/api/tasks/{task.Id}/complete", approve)).ReadOkAsync();

        var subsidy = await SubsidyAsync(subsidyId);
        Assert.Equal((SubsidyStatus.Approved, await factory.UserIdAsync(SupervisorAreaA)), (subsidy.Status, subsidy.DecidedByUserId));
        var expenditure = await factory.QueryAsync(db => db.Expenditures.AsNoTracking().SingleAsync(x => x.SubsidyId == subsidy.Id));
        Assert.Equal((600m, lineId, c.CaseId), (expenditure.Amount, expenditure.BudgetLineId, expenditure.CaseId));
        Assert.Equal(400m, await RemainingAsync(lineId));
        var file = await (await (await factory.ClientAsync(CaseworkerA)).GetAsync($"/api/cases/{c.CaseId}")).ReadOkAsync();
        Assert.Equal("Approved", Assert.Single(file["subsidies"]!.AsArray())!["status"]!.GetValue<string>());

        await (await (await factory.ClientAsync(SupervisorAreaA)).PostAsync($"/api/subsidies/{subsidyId}/pay", null)).ReadProblemAsync(HttpStatusCode.Forbidden);
        var admin = await factory.ClientAsync(Administrator);
        var paid = await (await admin.PostAsync($"/api/subsidies/{subsidyId}/pay", null)).ReadOkAsync();
        Assert.Equal("Paid", paid["status"]!.GetValue<string>());
        await (await admin.PostAsync($"/api/subsidies/{subsidyId}/pay", null)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(400m, await RemainingAsync(lineId));
    }

    [Fact]
    public async Task Subsidies_AreListedWithStatus_ToReadersWithTheCaseInScope()
    {
        var c = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var lineId = await factory.NewBudgetLineAsync(1000m);
        var (subsidyId, _) = await AskAsync(c.CaseId, 250m, lineId);

        var list = await (await (await factory.ClientAsync(SupervisorAreaA)).GetAsync("/api/funding/subsidies?status=Requested&take=500")).ReadOkAsync();
        var item = list["items"]!.AsArray().Single(i => i!["id"]!.ToString() == subsidyId)!;
        Assert.Equal(("Requested", 250m, c.CaseId), (item["status"]!.GetValue<string>(), item["amount"]!.GetValue<decimal>(), item["caseId"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(item["fileNumber"]!.GetValue<string>()));
        Assert.NotNull(item["budgetLineName"]);

        // Another area's supervisor does not see it; a caseworker does not read the spending at all; a bad status is a field error.
        var other = await (await (await factory.ClientAsync(SupervisorAreaB)).GetAsync("/api/funding/subsidies?take=500")).ReadOkAsync();
        Assert.DoesNotContain(other["items"]!.AsArray(), i => i!["id"]!.ToString() == subsidyId);
        await (await (await factory.ClientAsync(CaseworkerA)).GetAsync("/api/funding/subsidies")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsync(Administrator)).GetAsync("/api/funding/subsidies?status=Nope")).ReadProblemAsync(HttpStatusCode.BadRequest);
        var paidOnly = await (await (await factory.ClientAsync(Administrator)).GetAsync("/api/funding/subsidies?status=Paid&take=500")).ReadOkAsync();
        Assert.DoesNotContain(paidOnly["items"]!.AsArray(), i => i!["id"]!.ToString() == subsidyId);
    }

    [Fact]
    public async Task Subsidy_Rejected_SpendsNothing()
    {
        var c = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var lineId = await factory.NewBudgetLineAsync(1000m);
        var (subsidyId, instanceId) = await AskAsync(c.CaseId, 300m, lineId);
        var task = await factory.OpenTaskOfAsync(instanceId);

        await (await (await factory.ClientAsync(SupervisorAreaA)).PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { outcome = "Rejected" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await (await factory.ClientAsync(SupervisorAreaA)).PostAsJsonAsync($"/api/tasks/{task.Id}/complete",
            new { outcome = "Rejected", comment = "已享受低保。" })).ReadOkAsync();

        Assert.Equal(SubsidyStatus.Rejected, (await SubsidyAsync(subsidyId)).Status);
        Assert.False(await factory.QueryAsync(db => db.Expenditures.AnyAsync(x => x.BudgetLineId == lineId)));
        Assert.Equal(1000m, await RemainingAsync(lineId));
        await (await (await factory.ClientAsync(Administrator)).PostAsync($"/api/subsidies/{subsidyId}/pay", null)).ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Subsidy_ApprovalThatWouldOverspend_Answers409WithTheIncident_AndChangesNothing()
    {
        var c = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var lineId = await factory.NewBudgetLineAsync(500m);
        await (await (await factory.ClientAsync(CaseworkerA)).PostAsJsonAsync($"/api/cases/{c.CaseId}/subsidies",
            new { amount = 600m, reason = "超出余额", budgetLineId = lineId })).ReadProblemAsync(HttpStatusCode.Conflict);
        var (subsidyId, instanceId) = await AskAsync(c.CaseId, 300m, lineId);
        // Meanwhile the line is spent down by someone else.
        await (await (await factory.ClientAsync(Administrator)).PostAsJsonAsync("/api/funding/expenditures",
            new { budgetLineId = lineId, amount = 300m, purpose = "其他补助" })).ReadOkAsync();
        var task = await factory.OpenTaskOfAsync(instanceId);

        var refused = await (await (await factory.ClientAsync(SupervisorAreaA)).PostAsJsonAsync($"/api/tasks/{task.Id}/complete",
            new { outcome = "Approved", comment = "同意。" })).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("BudgetExceeded", refused["incident"]!["code"]!.GetValue<string>());
        Assert.Contains("budget line", refused["incident"]!["message"]!.GetValue<string>());
        Assert.Contains("余额", refused["detail"]!.GetValue<string>());
        Assert.Equal(SubsidyStatus.Requested, (await SubsidyAsync(subsidyId)).Status);
        Assert.Equal(WorkTaskStatus.Open, (await factory.QueryAsync(db => db.WorkTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id))).Status);
        Assert.Equal(200m, await RemainingAsync(lineId));
        Assert.False(await factory.QueryAsync(db => db.ApprovalRecords.AnyAsync(a => a.InstanceId == instanceId)));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "workflow.refused" && a.EntityId == task.Id)));
        // The refused step is rolled back with the request: the approval still waits, to be decided once money is there.
        Assert.Equal(Bishan.Workflow.Engine.Execution.WorkflowSubStatus.Suspended,
            (await factory.QueryAsync(db => ((Bishan.Workflow.Infrastructure.Persistence.BishanDbContext)db).WorkflowInstances.AsNoTracking()
                .SingleAsync(i => i.Id == instanceId))).SubStatus);
    }

    [Fact]
    public async Task Subsidy_IsAskedByTheCasesCaseworkerOnly_WithFieldErrors()
    {
        var c = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var lineId = await factory.NewBudgetLineAsync(1000m);
        var body = new { amount = 100m, reason = "学习用品", budgetLineId = lineId };
        await (await (await factory.ClientAsync(SupervisorAreaA)).PostAsJsonAsync($"/api/cases/{c.CaseId}/subsidies", body)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsync(CaseworkerA2)).PostAsJsonAsync($"/api/cases/{c.CaseId}/subsidies", body)).ReadProblemAsync(HttpStatusCode.Forbidden);
        var bad = await (await (await factory.ClientAsync(CaseworkerA)).PostAsJsonAsync($"/api/cases/{c.CaseId}/subsidies",
            new { amount = 12.345m, reason = "", budgetLineId = 987654321 })).ReadProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "amount", "reason", "budgetLineId" }) Assert.NotNull(bad["errors"]![field]);
        Assert.False(await factory.QueryAsync(db => db.Subsidies.AnyAsync(s => s.CaseId == c.CaseId)));
    }

    /// <summary>Sends the subsidy's open approval back with a comment; answers the caseworker's amendment task.</summary>
    private async Task<WorkTask> SendBackAsync(string instanceId, string comment)
    {
        var approval = await factory.OpenTaskOfAsync(instanceId);
        await (await (await factory.ClientAsync(SupervisorAreaA)).PostAsJsonAsync($"/api/tasks/{approval.Id}/complete",
            new { outcome = "SentBack", comment })).ReadOkAsync();
        var amend = await factory.OpenTaskOfAsync(instanceId);
        Assert.Equal("补充帮扶家庭补助申请", amend.Title);
        return amend;
    }

    [Fact]
    public async Task Subsidy_SentBackAndAmended_CarriesTheNewReasonAndAmount_ToTheFileTheApproverAndTheExpenditure()
    {
        var c = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var lineId = await factory.NewBudgetLineAsync(2000m);
        var (subsidyId, instanceId) = await AskAsync(c.CaseId, 600m, lineId);
        var amend = await SendBackAsync(instanceId, "请附医院证明，并按实际费用申请。");
        var caseworker = await factory.ClientAsync(CaseworkerA);

        await (await caseworker.PostAsJsonAsync($"/api/tasks/{amend.Id}/complete", new
        {
            outcome = "Resubmit",
            data = new { reason = "已附医院证明：父亲住院，实际医药费 1,250.50 元。", newAmount = 1250.5m },
        })).ReadOkAsync();

        // The request itself now says what was resubmitted, and the case file shows it with the amendment on the timeline.
        var subsidy = await SubsidyAsync(subsidyId);
        Assert.Equal(("已附医院证明：父亲住院，实际医药费 1,250.50 元。", 1250.5m, SubsidyStatus.Requested), (subsidy.Reason, subsidy.Amount, subsidy.Status));
        var file = await (await caseworker.GetAsync($"/api/cases/{c.CaseId}")).ReadOkAsync();
        var shown = Assert.Single(file["subsidies"]!.AsArray())!;
        Assert.Equal(("已附医院证明：父亲住院，实际医药费 1,250.50 元。", 1250.5m), (shown["reason"]!.GetValue<string>(), shown["amount"]!.GetValue<decimal>()));
        Assert.Contains(file["timeline"]!.AsArray(), t => t!["kind"]!.GetValue<string>() == "Subsidy"
            && t["text"]!.GetValue<string>().Contains("金额由 600.00 元调整为 1,250.50 元") && t["text"]!.GetValue<string>().Contains("实际医药费"));

        // The approver reads the amended request; approving spends the amended amount.
        var approval = await factory.OpenTaskOfAsync(instanceId);
        var supervisor = await factory.ClientAsync(SupervisorAreaA);
        var detail = await (await supervisor.GetAsync($"/api/tasks/{approval.Id}")).ReadOkAsync();
        Assert.Contains("1,250.50 元", detail["description"]!.GetValue<string>());
        Assert.Contains("实际医药费", detail["description"]!.GetValue<string>());
        await (await supervisor.PostAsJsonAsync($"/api/tasks/{approval.Id}/complete", new { outcome = "Approved", comment = "同意。" })).ReadOkAsync();
        var subsidyKey = long.Parse(subsidyId, CultureInfo.InvariantCulture);
        var expenditure = await factory.QueryAsync(db => db.Expenditures.AsNoTracking().SingleAsync(x => x.SubsidyId == subsidyKey));
        Assert.Equal(1250.5m, expenditure.Amount);
        Assert.Contains("实际医药费", expenditure.Purpose);
        Assert.Equal(749.5m, await RemainingAsync(lineId));

        // The decision is on the timeline once, as the approval records it, not again as a completed task.
        var after = await (await caseworker.GetAsync($"/api/cases/{c.CaseId}")).ReadOkAsync();
        var aboutTheApproval = after["timeline"]!.AsArray().Where(t => t!["taskId"]?.GetValue<string>() == approval.Id).ToList();
        Assert.DoesNotContain(aboutTheApproval, t => t!["kind"]!.GetValue<string>() == "TaskCompleted");
        Assert.Contains(after["timeline"]!.AsArray(), t => t!["kind"]!.GetValue<string>() == "Approval" && t["text"]!.GetValue<string>().Contains("同意"));
    }

    [Fact]
    public async Task Subsidy_AmendedWithOnlyANewReason_KeepsTheAmount()
    {
        var c = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var lineId = await factory.NewBudgetLineAsync(1000m);
        var (subsidyId, instanceId) = await AskAsync(c.CaseId, 300m, lineId);
        var amend = await SendBackAsync(instanceId, "请说明家庭收入情况。");

        await (await (await factory.ClientAsync(CaseworkerA)).PostAsJsonAsync($"/api/tasks/{amend.Id}/complete",
            new { outcome = "Resubmit", data = new { reason = "母亲无业，父亲月收入约 1,800 元。" } })).ReadOkAsync();

        var subsidy = await SubsidyAsync(subsidyId);
        Assert.Equal(("母亲无业，父亲月收入约 1,800 元。", 300m), (subsidy.Reason, subsidy.Amount));
        var file = await (await (await factory.ClientAsync(CaseworkerA)).GetAsync($"/api/cases/{c.CaseId}")).ReadOkAsync();
        Assert.Contains(file["timeline"]!.AsArray(), t => t!["text"]!.GetValue<string>().Contains("补充帮扶家庭补助申请后重新提交：300.00 元"));
    }

    [Fact]
    public async Task Subsidy_AmendmentBeyondTheLine_Answers409_AndLeavesTheRequestAndTheTaskAsTheyWere()
    {
        var c = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var lineId = await factory.NewBudgetLineAsync(1000m);
        var (subsidyId, instanceId) = await AskAsync(c.CaseId, 300m, lineId);
        var amend = await SendBackAsync(instanceId, "金额请按实际。");
        var caseworker = await factory.ClientAsync(CaseworkerA);

        var over = await (await caseworker.PostAsJsonAsync($"/api/tasks/{amend.Id}/complete",
            new { outcome = "Resubmit", data = new { reason = "按实际费用。", newAmount = 5000m } })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("BudgetExceeded", over["incident"]!["code"]!.GetValue<string>());
        var negative = await (await caseworker.PostAsJsonAsync($"/api/tasks/{amend.Id}/complete",
            new { outcome = "Resubmit", data = new { reason = "按实际费用。", newAmount = -5m } })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("SubsidyAmountInvalid", negative["incident"]!["code"]!.GetValue<string>());
        Assert.Contains("金额", negative["detail"]!.GetValue<string>());

        var subsidy = await SubsidyAsync(subsidyId);
        Assert.Equal(("父亲务工受伤，家庭暂无收入。", 300m), (subsidy.Reason, subsidy.Amount));
        Assert.Equal(WorkTaskStatus.Open, (await factory.QueryAsync(db => db.WorkTasks.AsNoTracking().SingleAsync(t => t.Id == amend.Id))).Status);
    }
}
