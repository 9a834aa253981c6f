using System.Net;
using System.Text.Json.Nodes;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

[Collection(AppCollectionDefinition.Name)]
public sealed class MeetingFacts(BishanWebFactory factory)
{
    private async Task<(string MeetingId, RegisteredCase Mine, RegisteredCase Other)> MeetingAsync()
    {
        var mine = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var other = await factory.RegisteredCaseAsync(CaseworkerB, SchoolB, AreaB);
        return (await factory.NewMeetingAsync(mine.CaseId, other.CaseId), mine, other);
    }

    private async Task<JsonObject> GetAsync(TestUser user, string url) => await (await (await factory.ClientAsync(user)).GetAsync(url)).ReadOkAsync();

    [Fact]
    public async Task Secretary_SeesTheWholeMeeting_WithDecisionTasksAndTheReport()
    {
        var (id, mine, other) = await MeetingAsync();

        var list = await GetAsync(Secretary, "/api/meetings?kind=Weekly&take=500");
        var item = Assert.Single(list["items"]!.AsArray(), m => m!["id"]!.GetValue<string>() == id)!;
        Assert.Equal((2, 1, true, false), (item["agendaItems"]!.GetValue<int>(), item["decisions"]!.GetValue<int>(), item["hasReport"]!.GetValue<bool>(),
            item["limited"]!.GetValue<bool>()));
        var detail = await GetAsync(Secretary, $"/api/meetings/{id}");
        Assert.Equal([mine.Name, other.Name], detail["agenda"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()));
        Assert.Equal("逐一研究个案。", detail["minutes"]!.GetValue<string>());
        var decision = Assert.Single(detail["decisions"]!.AsArray())!;
        Assert.Equal(("Open", mine.CaseId), (decision["taskStatus"]!.GetValue<string>(), decision["caseId"]!.GetValue<string>()));
        Assert.StartsWith("一、本周概况", detail["report"]!["text"]!.GetValue<string>());
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "meeting.read" && a.EntityId == id)));
    }

    [Fact]
    public async Task Caseworker_SeesOnlyMeetingsOnTheirCases_AndOnlyTheirOwnItems()
    {
        var (id, mine, _) = await MeetingAsync();

        var list = await GetAsync(CaseworkerA, "/api/meetings?take=500");
        var item = Assert.Single(list["items"]!.AsArray(), m => m!["id"]!.GetValue<string>() == id)!;
        Assert.Equal((1, true, false), (item["agendaItems"]!.GetValue<int>(), item["limited"]!.GetValue<bool>(), item["hasReport"]!.GetValue<bool>()));
        var detail = await GetAsync(CaseworkerA, $"/api/meetings/{id}");
        Assert.Equal(mine.CaseId, Assert.Single(detail["agenda"]!.AsArray())!["caseId"]!.GetValue<string>());
        Assert.Single(detail["decisions"]!.AsArray());
        Assert.Null(detail["minutes"]);
        Assert.Null(detail["report"]);
        await (await (await factory.ClientAsync(CaseworkerA)).GetAsync($"/api/meetings/{id}/report")).ReadProblemAsync(HttpStatusCode.Forbidden);

        var outsider = await GetAsync(CaseworkerA2, "/api/meetings?take=500");
        Assert.DoesNotContain(outsider["items"]!.AsArray(), m => m!["id"]!.GetValue<string>() == id);
        await (await (await factory.ClientAsync(CaseworkerA2)).GetAsync($"/api/meetings/{id}")).ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Supervisor_SeesEveryItem_WithNamesMaskedOutsideTheirScope()
    {
        var (id, mine, other) = await MeetingAsync();

        var detail = await GetAsync(SupervisorAreaA, $"/api/meetings/{id}");
        var agenda = detail["agenda"]!.AsArray();
        Assert.Equal((mine.Name, false), (agenda[0]!["name"]!.GetValue<string>(), agenda[0]!["nameMasked"]!.GetValue<bool>()));
        Assert.Equal((other.Name[..1] + new string('*', other.Name.Length - 1), true, null),
            (agenda[1]!["name"]!.GetValue<string>(), agenda[1]!["nameMasked"]!.GetValue<bool>(), agenda[1]!["note"]));
        Assert.False(detail["limited"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Report_DownloadsAsTextOrHtml_AndIsAudited()
    {
        var (id, _, _) = await MeetingAsync();
        var leader = await factory.ClientAsync(Leader);

        var text = await leader.GetAsync($"/api/meetings/{id}/report");
        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        Assert.Equal("text/plain", text.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", text.Content.Headers.ContentType.CharSet);
        Assert.Contains("attachment", text.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Contains("二、个案研究情况", await text.Content.ReadAsStringAsync());
        var html = await leader.GetAsync($"/api/meetings/{id}/report?format=html");
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<h1>专报（第10期）</h1>", await html.Content.ReadAsStringAsync());

        var downloads = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "meeting.report.download" && a.EntityId == id).CountAsync());
        Assert.Equal(2, downloads);
        await (await leader.GetAsync("/api/meetings/no-such-meeting")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_FiltersByKindAndTime()
    {
        var (id, _, _) = await MeetingAsync();
        var items = async (string q) => (await GetAsync(Administrator, "/api/meetings?take=500&" + q))["items"]!.AsArray()
            .Any(m => m!["id"]!.GetValue<string>() == id);

        Assert.True(await items("from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z"));
        Assert.False(await items("kind=Monthly"));
        Assert.False(await items("from=2026-03-03T00:00:00Z"));
        await (await (await factory.ClientAsync(Administrator)).GetAsync("/api/meetings?from=monday")).ReadProblemAsync(HttpStatusCode.BadRequest);
    }
}
