using System.Net;
using System.Net.Http.Json;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>
/// A referral and its workflow's first pass are one transaction: when the domain refuses the pass, the referral answers
/// 409 and leaves no case row, timeline or instance behind, only the audit entry of the refusal. It publishes a refusing
/// case-intake for the one referral and puts the shipped version back afterwards (the collection runs its facts one at a
/// time; a second app in the process would replace Hangfire's global storage under the others).
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class RefusedReferralFacts(BishanWebFactory factory)
{
    private readonly BishanWebFactory _factory = factory;

    [Fact]
    public async Task Referral_Answers409AndLeavesNoCase_WhenTheFirstPassIsRefused()
    {
        await EnsureAsync(_factory);
        var admin = await _factory.ClientAsync(Administrator);
        // A case-intake whose first step registers the case without an approval: the domain's gate refuses it.
        await admin.ImportOkAsync("""
            {
              "definitionId": "case-intake", "name": "forged intake",
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
        // A new version of an existing definition is imported as a draft: publish it, and put the shipped one back after.
        var shipped = await PublishedVersionAsync(admin);
        var forged = (await (await admin.PostAsync("/api/workflow-definitions/case-intake/publish", null)).ReadOkAsync())["version"]!.GetValue<int>();
        try
        {
            await ReferAndExpectRefusalAsync();
        }
        finally
        {
            await (await admin.PostAsync($"/api/workflow-definitions/case-intake/publish?version={shipped}", null)).ReadOkAsync();
            // The forged version has no instance left (the refused start was rolled back), so it can go.
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/workflow-definitions/case-intake/versions/{forged}")).StatusCode);
        }
        Assert.Equal(shipped, await PublishedVersionAsync(admin));
    }

    private async Task ReferAndExpectRefusalAsync()
    {
        var caseworker = await _factory.ClientAsync(CaseworkerA);
        var referral = NewReferral(SchoolA, name: "拒绝测试");
        var casesBefore = await _factory.QueryAsync(db => db.Cases.CountAsync());
        var intakesBefore = await IntakeInstancesAsync();

        var response = await caseworker.PostAsJsonAsync("/api/referrals", referral);

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(casesBefore, await _factory.QueryAsync(db => db.Cases.CountAsync()));
        Assert.False(await _factory.QueryAsync(db => db.Cases.AnyAsync(c => c.Name == "拒绝测试")));
        Assert.Equal(intakesBefore, await IntakeInstancesAsync());
        Assert.True(await _factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "workflow.refused" && a.Detail!.StartsWith("case-intake"))));
    }

    private static async Task<int> PublishedVersionAsync(HttpClient admin)
    {
        var versions = await admin.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/workflow-definitions/case-intake/versions");
        return versions!.Single(v => v!["isPublished"]!.GetValue<bool>())!["version"]!.GetValue<int>();
    }

    private Task<int> IntakeInstancesAsync() => _factory.QueryAsync(db =>
        ((Bishan.Workflow.Infrastructure.Persistence.BishanDbContext)db).WorkflowInstances.CountAsync(i => i.DefinitionId == "case-intake"));
}
