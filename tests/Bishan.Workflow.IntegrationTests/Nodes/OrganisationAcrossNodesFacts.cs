using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.IntegrationTests.Infrastructure;

namespace Bishan.Workflow.IntegrationTests.Nodes;

/// <summary>
/// Issue 11 on two app processes sharing one PostgreSQL database: an org unit created, renamed and retired on node A is
/// what node B lists and accepts on its next request (no restart), and a user disabled on A can no longer use, on B, the
/// bearer token B accepted a moment before.
/// </summary>
[Collection(NodeCollectionDefinition.Name)]
public sealed class OrganisationAcrossNodesFacts : IAsyncLifetime
{
    private readonly string _workingDirectory = Path.Combine(Path.GetTempPath(), "bishan-nodes-" + Guid.NewGuid().ToString("N"));

    private static async Task<JsonObject?> UnitAsync(HttpClient client, string id)
    {
        var response = await client.GetAsync("/api/org-units");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsArray().SingleOrDefault(u => u!["id"]!.GetValue<string>() == id)?.AsObject();
    }

    [Fact]
    public async Task OrgUnitEdits_AndADisabledUser_OnNodeA_BiteOnNodeB_AtItsNextRequest()
    {
        await using var database = await TestPostgres.CreateAsync();
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:Bishan"] = database.ConnectionString,
        };
        await using var a = NodeProcess.Start(_workingDirectory, settings);
        await using var b = NodeProcess.Start(_workingDirectory, settings);
        await Task.WhenAll(a.WaitForHealthAsync(TimeSpan.FromSeconds(150)), b.WaitForHealthAsync(TimeSpan.FromSeconds(150)));
        using var adminA = await a.SignInAsync("admin");
        using var adminB = await b.SignInAsync("admin");
        Assert.Null(await UnitAsync(adminB, "no-such-unit")); // B's tree loaded and in use before A edits

        // Created on A → listed by B, and B's own rules accept it for a new user.
        var created = await (await adminA.PostAsJsonAsync("/api/admin/org-units",
            new { name = "双节点试点村", kind = "Community", parentId = "town-hebian" })).ReadOkAsync();
        var id = created["id"]!.GetValue<string>();
        Assert.Equal("双节点试点村", (await UnitAsync(adminB, id))?["name"]?.GetValue<string>());
        var user = await (await adminB.PostAsJsonAsync("/api/admin/users",
            new { userName = "node-grid-1", displayName = "双节点网格员", role = "Caseworker", orgUnitId = id })).ReadOkAsync();
        Assert.Equal("双节点试点村", user["user"]!["orgUnitName"]!.GetValue<string>());

        // Renamed on A → B answers with the new name.
        await (await adminA.PutAsJsonAsync($"/api/admin/org-units/{id}", new { name = "双节点试点社区" })).ReadOkAsync();
        Assert.Equal("双节点试点社区", (await UnitAsync(adminB, id))?["name"]?.GetValue<string>());

        // The user signs in on B; A disables them; B refuses the token it accepted a moment ago.
        using var gridB = new HttpClient { BaseAddress = b.BaseAddress };
        var login = await (await gridB.PostAsJsonAsync("/api/auth/login",
            new { userName = "node-grid-1", password = user["temporaryPassword"]!.GetValue<string>() })).ReadOkAsync();
        gridB.DefaultRequestHeaders.Authorization = new("Bearer", login["accessToken"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await gridB.GetAsync("/api/tasks?scope=mine")).StatusCode);
        var userId = user["user"]!["id"]!.GetValue<string>();
        await (await adminA.PostAsync($"/api/admin/users/{userId}/disable", null)).ReadOkAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await gridB.GetAsync("/api/tasks?scope=mine")).StatusCode);

        // Retired on A (its user moved away first) → B shows it retired and refuses it for a new user, with the field named.
        await (await adminA.PutAsJsonAsync($"/api/admin/users/{userId}", new { orgUnitId = "town-hebian" })).ReadOkAsync();
        await (await adminA.PostAsync($"/api/admin/org-units/{id}/retire", null)).ReadOkAsync();
        Assert.True((await UnitAsync(adminB, id))?["retired"]?.GetValue<bool>());
        var refused = await (await adminB.PostAsJsonAsync("/api/admin/users",
            new { userName = "node-grid-2", displayName = "双节点网格员二", role = "Caseworker", orgUnitId = id })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(refused["errors"]!["orgUnitId"]);
        Assert.DoesNotContain("   at ", a.Output + b.Output);
    }

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_workingDirectory);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder.
        }
        return Task.CompletedTask;
    }
}
