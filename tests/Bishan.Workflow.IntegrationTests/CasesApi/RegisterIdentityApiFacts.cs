using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>GET /api/stats/overview states the identity its totals satisfy, and they satisfy it while a relapsed case is re-screened.</summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class RegisterIdentityApiFacts(BishanWebFactory factory)
{
    [Fact]
    public async Task Overview_StatesTheIdentity_AndCountsARelapsedCaseAsBeingRescreened()
    {
        var leader = await factory.ClientAsync(Leader);
        var before = await (await leader.GetAsync("/api/stats/overview")).ReadOkAsync();
        var relapsed = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        await factory.QueryAsync(async db =>
        {
            // Registered once, exited, relapsed: re-entered and back in screening, the earlier exit date kept.
            var c = await db.Cases.SingleAsync(x => x.Id == relapsed.CaseId);
            c.ExitedAtUtc = DateTime.UtcNow.AddDays(-40);
            c.Status = CaseStatus.Screening;
            return await db.SaveChangesAsync();
        });

        var after = await (await leader.GetAsync("/api/stats/overview")).ReadOkAsync();

        Assert.Equal("registeredTotal = exitedTotal + inRegister + beingRescreened", after["identity"]!.GetValue<string>());
        Assert.True(after["identityHolds"]!.GetValue<bool>());
        int N(System.Text.Json.Nodes.JsonNode n, string f) => n[f]!.GetValue<int>();
        Assert.Equal(N(after, "registeredTotal"), N(after, "exitedTotal") + N(after, "inRegister") + N(after, "beingRescreened"));
        Assert.Equal(N(before, "registeredTotal") + 1, N(after, "registeredTotal"));
        Assert.Equal(N(before, "beingRescreened") + 1, N(after, "beingRescreened"));
        Assert.Equal(N(before, "exitedTotal"), N(after, "exitedTotal"));
    }
}
