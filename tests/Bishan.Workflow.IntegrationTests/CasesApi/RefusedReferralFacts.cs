using System.Net;
using System.Net.Http.Json;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>
/// A referral and its workflow's first pass are one transaction: when the domain refuses the pass, the referral answers
/// 409 and leaves no case row, timeline or instance behind, only the audit entry of the refusal. On an app of its own,
/// because it publishes a case-intake that the other facts must not see.
/// </summary>
public sealed class RefusedReferralFacts : IClassFixture<BishanWebFactory>
{
    private readonly BishanWebFactory _factory;

    public RefusedReferralFacts(BishanWebFactory factory) => _factory = factory;

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
        // A new version of an existing definition is imported as a draft: publish it.
        await (await admin.PostAsync("/api/workflow-definitions/case-intake/publish", null)).ReadOkAsync();
        var caseworker = await _factory.ClientAsync(CaseworkerA);
        var referral = NewReferral(SchoolA, name: "拒绝测试");
        var casesBefore = await _factory.QueryAsync(db => db.Cases.CountAsync());
        var intakesBefore = await IntakeInstancesAsync();

        var response = await caseworker.PostAsJsonAsync("/api/referrals", referral);

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(casesBefore, await _factory.QueryAsync(db => db.Cases.CountAsync()));
        Assert.False(await _factory.QueryAsync(db => db.Cases.AnyAsync(c => c.Name == "拒绝测试")));
        Assert.Equal(intakesBefore, await IntakeInstancesAsync());
        Assert.True(await _factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "workflow.refused")));
    }

    private Task<int> IntakeInstancesAsync() => _factory.QueryAsync(db =>
        ((Bishan.Workflow.Infrastructure.Persistence.BishanDbContext)db).WorkflowInstances.CountAsync(i => i.DefinitionId == "case-intake"));
}
