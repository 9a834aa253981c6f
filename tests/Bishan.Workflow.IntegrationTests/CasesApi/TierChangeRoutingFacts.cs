using System.Net;
using System.Net.Http.Json;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>
/// Who approves a tier change: a lowering goes to the body that holds the case now (the task force lowering a severe case
/// to 较重 decides it itself), a raise to the target tier's body. Each request writes one timeline line.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class TierChangeRoutingFacts(BishanWebFactory factory)
{
    [Fact]
    public async Task LoweringASevereCase_GoesToTheTaskForceThatHoldsIt_AndWritesOneTimelineLine()
    {
        var registered = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, "task-force");
        await factory.QueryAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == registered.CaseId);
            c.Tier = Tier.Severe;
            return await db.SaveChangesAsync();
        });
        var caseworker = await factory.ClientAsync(CaseworkerA);

        var response = await caseworker.PostAsJsonAsync($"/api/cases/{registered.CaseId}/escalations", new { targetTier = "Serious", reason = "情绪已趋稳定，转由卫健委统筹。" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var approval = await OpenApprovalAsync(registered.CaseId, "Approval:Deescalation");
        Assert.Equal("Supervisor@task-force", approval.CandidateGroup);
        Assert.Single(await LinesAsync(registered.CaseId, "申请降级至"));

        // The task force approves; the case moves to the serious tier's body.
        var taskForce = await factory.ClientAsync(SupervisorTaskForce);
        if (approval.AssigneeUserId is null) (await taskForce.PostAsync($"/api/tasks/{approval.Id}/claim", null)).EnsureSuccessStatusCode();
        var decided = await taskForce.PostAsJsonAsync($"/api/tasks/{approval.Id}/complete", new { outcome = "Approved", comment = "同意降级。" });
        Assert.True(decided.IsSuccessStatusCode, await decided.Content.ReadAsStringAsync());
        var lowered = await factory.QueryAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == registered.CaseId));
        Assert.Equal((Tier.Serious, "dept-health"), (lowered.Tier!.Value, lowered.CoordinatingBodyId));
    }

    [Fact]
    public async Task RaisingALightCase_GoesToTheTargetTiersBody_AndWritesOneTimelineLine()
    {
        var registered = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var caseworker = await factory.ClientAsync(CaseworkerA);

        var response = await caseworker.PostAsJsonAsync($"/api/cases/{registered.CaseId}/escalations", new { targetTier = "Serious", reason = "多次自伤，需卫健委统筹。" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var approval = await OpenApprovalAsync(registered.CaseId, "Approval:Escalation");
        Assert.Equal("Supervisor@dept-health", approval.CandidateGroup);
        var lines = await LinesAsync(registered.CaseId, "申请升级至");
        Assert.Equal("申请升级至“较重”：多次自伤，需卫健委统筹。", Assert.Single(lines));
    }

    private Task<WorkTask> OpenApprovalAsync(string caseId, string kind) =>
        factory.QueryAsync(db => db.WorkTasks.AsNoTracking().SingleAsync(t => t.CaseId == caseId && t.Kind == kind && t.Status == WorkTaskStatus.Open));

    private Task<List<string>> LinesAsync(string caseId, string start) =>
        factory.QueryAsync(db => db.TimelineEntries.AsNoTracking().Where(e => e.CaseId == caseId && e.Text.StartsWith(start)).Select(e => e.Text).ToListAsync());
}
