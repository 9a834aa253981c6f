using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

[Collection(AppCollectionDefinition.Name)]
public sealed class PoolFacts(BishanWebFactory factory)
{
    private async Task<System.Text.Json.Nodes.JsonObject> WorkloadAsync(long helperId)
    {
        var client = await factory.ClientAsync(CaseworkerB);
        return (await (await client.GetAsync($"/api/helpers/{helperId}")).ReadOkAsync())["helper"]!["workload"]!.AsObject();
    }

    [Fact]
    public async Task Workload_CountsOpenCasesAndRecentHelpRecords_AndDropsAReleasedCase()
    {
        var c = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var helperId = await factory.NewHelperAsync();
        var caseworker = await factory.ClientAsync(CaseworkerA);

        var assigned = await caseworker.PostAsJsonAsync($"/api/cases/{c.CaseId}/helpers", new { helperId, role = "Lead" });
        Assert.Equal(HttpStatusCode.Created, assigned.StatusCode);
        await (await caseworker.PostAsJsonAsync($"/api/cases/{c.CaseId}/help-records", new { kind = "家访", content = "了解近况。", helperId })).ReadOkAsync();
        var old = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-40)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await (await caseworker.PostAsJsonAsync($"/api/cases/{c.CaseId}/help-records", new { occurredOn = old, kind = "谈心", content = "早前谈心。", helperId })).ReadOkAsync();

        var workload = await WorkloadAsync(helperId);
        Assert.Equal((1, 1), (workload["openCases"]!.GetValue<int>(), workload["helpRecordsLast30Days"]!.GetValue<int>()));
        var list = await (await caseworker.GetAsync($"/api/helpers?kind=FamilyEducationInstructor&orgUnitId={AreaA}&take=500")).ReadOkAsync();
        var item = Assert.Single(list["items"]!.AsArray(), h => h!["id"]!.GetValue<long>() == helperId)!;
        Assert.Equal(1, item["workload"]!["openCases"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.NoContent, (await caseworker.DeleteAsync($"/api/cases/{c.CaseId}/helpers/{helperId}")).StatusCode);
        Assert.Equal(0, (await WorkloadAsync(helperId))["openCases"]!.GetValue<int>());
        await (await caseworker.DeleteAsync($"/api/cases/{c.CaseId}/helpers/{helperId}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AssignAndRelease_WriteTheTimelineAndTheAudit_AndRefuseTwiceOnTheTeam()
    {
        var c = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var helperId = await factory.NewHelperAsync("RetiredCadre");
        var supervisor = await factory.ClientAsync(SupervisorAreaA);

        await (await supervisor.PostAsJsonAsync($"/api/cases/{c.CaseId}/helpers", new { helperId })).ReadOkAsync();
        await (await supervisor.PostAsJsonAsync($"/api/cases/{c.CaseId}/helpers", new { helperId })).ReadProblemAsync(HttpStatusCode.Conflict);
        var file = await (await supervisor.GetAsync($"/api/cases/{c.CaseId}")).ReadOkAsync();
        Assert.Contains(file["helperTeam"]!.AsArray(), h => h!["helperId"]!.GetValue<long>() == helperId && h["role"]!.GetValue<string>() == "Member");
        Assert.Contains(file["timeline"]!.AsArray(), t => t!["kind"]!.GetValue<string>() == "Helper" && t["text"]!.GetValue<string>().Contains("加入帮扶团队"));

        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.DeleteAsync($"/api/cases/{c.CaseId}/helpers/{helperId}")).StatusCode);
        file = await (await supervisor.GetAsync($"/api/cases/{c.CaseId}")).ReadOkAsync();
        Assert.DoesNotContain(file["helperTeam"]!.AsArray(), h => h!["helperId"]!.GetValue<long>() == helperId);
        Assert.Contains(file["timeline"]!.AsArray(), t => t!["text"]!.GetValue<string>().Contains("退出帮扶团队"));

        var actions = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.EntityId == c.CaseId).Select(a => a.Action).ToListAsync());
        Assert.Contains("case.helper.assign", actions);
        Assert.Contains("case.helper.release", actions);
        var released = await factory.QueryAsync(db => db.CaseHelpers.SingleAsync(h => h.CaseId == c.CaseId && h.HelperId == helperId));
        Assert.NotNull(released.ReleasedAtUtc);
    }

    [Fact]
    public async Task Assign_Answers400ForUnknownOrRetiredHelpers_And403ToOthers()
    {
        var c = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var helperId = await factory.NewHelperAsync();
        var caseworker = await factory.ClientAsync(CaseworkerA);

        var unknown = await (await caseworker.PostAsJsonAsync($"/api/cases/{c.CaseId}/helpers", new { helperId = 987654321 })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(unknown["errors"]!["helperId"]);
        // In scope (the Health Commission sees mental-health cases) but not the coordinating body.
        await (await (await factory.ClientAsync(SupervisorHealth)).PostAsJsonAsync($"/api/cases/{c.CaseId}/helpers", new { helperId }))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsync(Leader)).PostAsJsonAsync($"/api/cases/{c.CaseId}/helpers", new { helperId }))
            .ReadProblemAsync(HttpStatusCode.Forbidden);

        var admin = await factory.ClientAsync(Administrator);
        var retired = await (await admin.PutAsJsonAsync($"/api/helpers/{helperId}", new { name = "退休帮扶员", kind = "PartyMember", orgUnitId = AreaA, active = false }))
            .ReadOkAsync();
        Assert.False(retired["active"]!.GetValue<bool>());
        await (await caseworker.PostAsJsonAsync($"/api/cases/{c.CaseId}/helpers", new { helperId })).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CreateAndUpdate_AreForAdministratorsAndSupervisorsWithinTheirUnit_WithFieldErrors()
    {
        var body = new { name = "心灵成长社", kind = "Team", orgUnitId = SchoolA };
        Assert.Equal(HttpStatusCode.Created, (await (await factory.ClientAsync(SupervisorAreaA)).PostAsJsonAsync("/api/helpers", body)).StatusCode);
        await (await (await factory.ClientAsync(SupervisorAreaB)).PostAsJsonAsync("/api/helpers", body)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsync(CaseworkerA)).PostAsJsonAsync("/api/helpers", body)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsync(SupervisorAreaA)).PostAsJsonAsync("/api/helpers", new { name = "区级专家", kind = "Expert" }))
            .ReadProblemAsync(HttpStatusCode.Forbidden);

        var admin = await factory.ClientAsync(Administrator);
        var bad = await (await admin.PostAsJsonAsync("/api/helpers", new { name = "", kind = "Wizard", orgUnitId = "nowhere", phone = "call me" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "name", "kind", "orgUnitId", "phone" }) Assert.NotNull(bad["errors"]![field]);

        var id = await factory.NewHelperAsync("Public", AreaB);
        await (await (await factory.ClientAsync(SupervisorAreaA)).PutAsJsonAsync($"/api/helpers/{id}", new { name = "x", kind = "Public", orgUnitId = AreaA }))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
        var updated = await (await admin.PutAsJsonAsync($"/api/helpers/{id}", new { name = "钱阿姨", kind = "Public", orgUnitId = AreaB, specialty = "陪伴" })).ReadOkAsync();
        Assert.Equal("陪伴", updated["specialty"]!.GetValue<string>());
        await (await admin.PutAsJsonAsync("/api/helpers/987654321", new { name = "x", kind = "Public" })).ReadProblemAsync(HttpStatusCode.NotFound);
        var entityId = id.ToString(CultureInfo.InvariantCulture);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "helper.update" && a.EntityId == entityId)));
    }

    [Fact]
    public async Task Helper_ListsOnlyTheCasesInTheCallersScope_AndAuditsTheRead()
    {
        var c = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var helperId = await factory.NewHelperAsync();
        await (await (await factory.ClientAsync(CaseworkerA)).PostAsJsonAsync($"/api/cases/{c.CaseId}/helpers", new { helperId })).ReadOkAsync();

        var mine = await (await (await factory.ClientAsync(CaseworkerA)).GetAsync($"/api/helpers/{helperId}")).ReadOkAsync();
        Assert.Equal(c.CaseId, Assert.Single(mine["cases"]!.AsArray())!["caseId"]!.GetValue<string>());
        var other = await (await (await factory.ClientAsync(CaseworkerB)).GetAsync($"/api/helpers/{helperId}")).ReadOkAsync();
        Assert.Empty(other["cases"]!.AsArray());
        Assert.Equal(1, other["helper"]!["workload"]!["openCases"]!.GetValue<int>());

        var helperEntityId = helperId.ToString(CultureInfo.InvariantCulture);
        var reads = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "helper.read" && a.EntityId == helperEntityId).CountAsync());
        Assert.Equal(1, reads);
        await (await (await factory.ClientAsync(CaseworkerB)).GetAsync("/api/helpers/987654321")).ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
