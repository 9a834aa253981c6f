using System.Net;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>GET /api/stats/flow: registrations and exits per Asia/Shanghai month, over the caller's scope.</summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class StatisticsFlowFacts(BishanWebFactory factory)
{
    private static int CountIn(System.Text.Json.Nodes.JsonNode flow, string month, string field) =>
        flow["months"]!.AsArray().SingleOrDefault(m => m!["month"]!.GetValue<string>() == month)?[field]!.GetValue<int>() ?? -1;

    [Fact]
    public async Task Flow_CountsRegistrationsAndExitsByShanghaiMonth_InTheCallersScope()
    {
        var registered = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var exited = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        await factory.QueryAsync(async db =>
        {
            // 31 Jan 2024 17:30 UTC is already 1 February in Bishan.
            var r = await db.Cases.SingleAsync(c => c.Id == registered.CaseId);
            r.RegisteredAtUtc = new DateTime(2024, 1, 31, 17, 30, 0, DateTimeKind.Utc);
            var x = await db.Cases.SingleAsync(c => c.Id == exited.CaseId);
            x.RegisteredAtUtc = new DateTime(2024, 1, 10, 2, 0, 0, DateTimeKind.Utc);
            x.Status = CaseStatus.Exited;
            x.ExitedAtUtc = new DateTime(2024, 3, 15, 2, 0, 0, DateTimeKind.Utc);
            await db.SaveChangesAsync();
            return 0;
        });

        var mine = await (await (await factory.ClientAsync(CaseworkerA)).GetAsync("/api/stats/flow")).ReadOkAsync();
        Assert.Equal(1, CountIn(mine, "2024-01", "registered"));
        Assert.Equal(1, CountIn(mine, "2024-02", "registered"));
        Assert.Equal(0, CountIn(mine, "2024-02", "exited"));
        Assert.Equal(1, CountIn(mine, "2024-03", "exited"));
        // Every month appears, in order, up to this one.
        var months = mine["months"]!.AsArray().Select(m => m!["month"]!.GetValue<string>()).ToList();
        Assert.Equal(months.Order(StringComparer.Ordinal), months);
        Assert.Contains("2024-04", months);
        Assert.Equal(mine["registered"]!.GetValue<int>(), mine["months"]!.AsArray().Sum(m => m!["registered"]!.GetValue<int>()));

        // Out of scope: another school's caseworker does not count these cases.
        var other = await (await (await factory.ClientAsync(CaseworkerA2)).GetAsync("/api/stats/flow")).ReadOkAsync();
        Assert.True(CountIn(other, "2024-02", "registered") <= 0);
        Assert.True(CountIn(other, "2024-03", "exited") <= 0);

        // The last N months end with this one; N out of range is a field error.
        var leader = await factory.ClientAsync(Leader);
        var three = await (await leader.GetAsync("/api/stats/flow?months=3")).ReadOkAsync();
        Assert.Equal(3, three["months"]!.AsArray().Count);
        await (await leader.GetAsync("/api/stats/flow?months=0")).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await leader.GetAsync("/api/stats/flow?months=121")).ReadProblemAsync(HttpStatusCode.BadRequest);
    }
}
