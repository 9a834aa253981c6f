using System.Net;
using System.Net.Http.Json;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>
/// The gates cannot be bypassed through the API: no route changes a tier, registers or exits a case; an approval task is
/// completed only by its holder and never by resuming its bookmark by hand; a workflow that registers without an approval
/// is refused by the domain.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class GateFacts(BishanWebFactory factory)
{
    private Task<Case> CaseAsync(string id) => factory.QueryAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task NoRoute_ChangesTierRegistersOrExitsACase()
    {
        var c = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var admin = await factory.ClientAsync(Administrator);
        var body = new { tier = "Severe", status = "Exited", targetTier = "Severe", action = "MentalHealth" };

        foreach (var response in new[]
                 {
                     await admin.PutAsJsonAsync($"/api/cases/{c.CaseId}", body),
                     await admin.PatchAsJsonAsync($"/api/cases/{c.CaseId}", body),
                     await admin.PostAsJsonAsync($"/api/cases/{c.CaseId}/tier", body),
                     await admin.PostAsJsonAsync($"/api/cases/{c.CaseId}/register", body),
                     await admin.PostAsJsonAsync($"/api/cases/{c.CaseId}/registrations", body),
                     await admin.PostAsJsonAsync($"/api/cases/{c.CaseId}/exit", body),
                     await admin.PostAsJsonAsync($"/api/cases/{c.CaseId}/status", body),
                     await admin.PostAsJsonAsync("/api/approvals", body),
                 })
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{response.RequestMessage!.RequestUri}: {response.StatusCode}");

        var after = await CaseAsync(c.CaseId);
        Assert.Equal((CaseStatus.Registered, Tier.Light, 1), (after.Status, after.Tier, after.RegistrationCount));
    }

    [Fact]
    public async Task EscalationApproval_IsCompletedOnlyByItsHolder_NeverByResumingTheBookmark()
    {
        var c = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var caseworker = await factory.ClientAsync(CaseworkerA);
        var started = await (await caseworker.PostAsJsonAsync($"/api/cases/{c.CaseId}/escalations", new { targetTier = "Serious", reason = "情况加重。" })).ReadOkAsync();
        var task = await factory.OpenTaskOfAsync(started["workflowInstanceId"]!.GetValue<string>());
        var approve = new { outcome = "Approved", comment = "同意。" };
        var forged = new { input = new { outcome = "Approved", data = new { }, comment = "同意。", userId = "forged" } };

        // The requester, the case's current coordinating body (not the target tier's), another area, a leader: 403.
        foreach (var user in new[] { CaseworkerA, SupervisorAreaA, SupervisorAreaB, Leader })
            await (await (await factory.ClientAsync(user)).PostAsJsonAsync($"/api/tasks/{task.Id}/complete", approve)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await caseworker.PostAsJsonAsync($"/api/bookmarks/{task.BookmarkId}/resume", forged)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsync(Administrator)).PostAsJsonAsync($"/api/bookmarks/{task.BookmarkId}/resume", forged))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(Tier.Light, (await CaseAsync(c.CaseId)).Tier);
        Assert.False(await factory.QueryAsync(db => db.ApprovalRecords.AnyAsync(a => a.CaseId == c.CaseId && a.Subject == ApprovalSubject.Escalation)));
        Assert.Equal(WorkTaskStatus.Open, (await factory.QueryAsync(db => db.WorkTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id))).Status);

        // The target tier's coordinating body (较重 mental health: the Health Commission) holds it.
        await (await (await factory.ClientAsync(SupervisorHealth)).PostAsJsonAsync($"/api/tasks/{task.Id}/complete", approve)).ReadOkAsync();
        var after = await CaseAsync(c.CaseId);
        Assert.Equal((Tier.Serious, "dept-health"), (after.Tier, after.CoordinatingBodyId));
    }

    [Fact]
    public async Task ForgedWorkflow_ThatRegistersWithoutApproval_IsRefusedByTheDomain()
    {
        var caseworker = await factory.ClientAsync(CaseworkerA);
        var (caseId, _) = await caseworker.ReferAsync(NewReferral(SchoolA));
        var admin = await factory.ClientAsync(Administrator);
        var definitionId = "forged-register-" + Guid.NewGuid().ToString("N")[..8];
        await admin.ImportOkAsync($$"""
            {
              "definitionId": "{{definitionId}}", "name": "forged",
              "root": { "id": "flow", "type": "Elsa.Flowchart",
                "activities": [
                  { "id": "start", "type": "Elsa.Start" },
                  { "id": "register", "type": "Bishan.RegisterCase",
                    "action": { "typeName": "FiveAction", "expression": { "type": "Literal", "value": "MentalHealth" } },
                    "tier": { "typeName": "Tier", "expression": { "type": "Literal", "value": "Severe" } } }
                ],
                "connections": [ { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "register", "port": "In" } } ] }
            }
            """);

        var run = await admin.ExecuteAsync(definitionId, new { correlationId = caseId });

        Assert.Equal("Faulted", run["subStatus"]!.GetValue<string>());
        var instance = await admin.GetInstanceAsync(run["instanceId"]!.GetValue<string>());
        Assert.Contains(instance["incidents"]!.AsArray(), i => i!["code"]!.GetValue<string>() == "RegistrationNotApproved");
        var after = await CaseAsync(caseId);
        Assert.Equal((0, null), (after.RegistrationCount, after.Tier));
        Assert.NotEqual(CaseStatus.Registered, after.Status);
    }
}
