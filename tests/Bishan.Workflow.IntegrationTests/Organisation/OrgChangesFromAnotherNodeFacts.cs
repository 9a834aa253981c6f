using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.Organisation;

/// <summary>
/// Issue 11 (several nodes): what another node commits to the shared database is what this node answers with on its very
/// next request, without a restart. "Another node" is a write straight to the database, exactly the rows its use case
/// commits (the unit row and the bumped <c>OrgTreeStamps</c> version; the user row's lockout and security stamp), which
/// this node's memory knows nothing about. The two-process version on PostgreSQL is <c>Nodes.OrganisationAcrossNodesFacts</c>.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class OrgChangesFromAnotherNodeFacts(BishanWebFactory factory)
{
    private async Task OnAnotherNodeAsync(Func<BishanDbContext, Task> edit)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BishanDbContext>();
        await edit(db);
    }

    private static Task<int> BumpAsync(BishanDbContext db) =>
        db.OrgTreeStamps.Where(s => s.Id == OrgTreeStamp.SingleId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1));

    private static async Task<JsonObject?> UnitAsync(HttpClient client, string id)
    {
        var units = JsonNode.Parse(await (await client.GetAsync("/api/org-units")).Content.ReadAsStringAsync())!.AsArray();
        return units.SingleOrDefault(u => u!["id"]!.GetValue<string>() == id)?.AsObject();
    }

    [Fact]
    public async Task UnitCreatedRenamedAndRetiredOnAnotherNode_IsSeenAndUsedHere_OnTheNextRequest()
    {
        var admin = await factory.ClientAsync(Administrator);
        await admin.GetAsync("/api/org-units"); // this node's tree is loaded and current
        var id = "community-" + Guid.NewGuid().ToString("N")[..10];
        var name = "远端新建村" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);

        await OnAnotherNodeAsync(async db =>
        {
            var position = await db.OrgUnits.MaxAsync(u => u.Position) + 1;
            db.OrgUnits.Add(new OrgUnitRecord
            {
                Id = id, Name = name, Kind = OrgUnitKind.Community, ParentId = "town-hebian", AreaId = "area-bicheng",
                Actions = "", Position = position, CreatedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            await BumpAsync(db);
        });

        Assert.Equal(name, (await UnitAsync(admin, id))?["name"]?.GetValue<string>());
        // Not only listed: this node's rules accept it for a new user at once.
        var userName = "it-node-" + Guid.NewGuid().ToString("N")[..8];
        var created = await (await admin.PostAsJsonAsync("/api/admin/users",
            new { userName, displayName = "远端网格员", role = "Caseworker", orgUnitId = id })).ReadOkAsync();
        Assert.Equal(name, created["user"]!["orgUnitName"]!.GetValue<string>());

        await OnAnotherNodeAsync(async db =>
        {
            await db.OrgUnits.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Name, name + "更名"));
            await BumpAsync(db);
        });
        Assert.Equal(name + "更名", (await UnitAsync(admin, id))?["name"]?.GetValue<string>());

        await OnAnotherNodeAsync(async db =>
        {
            await db.OrgUnits.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.RetiredAtUtc, DateTime.UtcNow));
            await BumpAsync(db);
        });
        Assert.True((await UnitAsync(admin, id))?["retired"]?.GetValue<bool>());
        var refused = await (await admin.PostAsJsonAsync("/api/admin/users",
            new { userName = userName + "b", displayName = "远端网格员二", role = "Caseworker", orgUnitId = id })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(refused["errors"]!["orgUnitId"]);
    }

    [Fact]
    public async Task UserDisabledOnAnotherNode_LosesTheBearerTokenAndTheCookie_OnTheNextRequest()
    {
        var admin = await factory.ClientAsync(Administrator);
        var userName = "it-node-" + Guid.NewGuid().ToString("N")[..8];
        var created = await (await admin.PostAsJsonAsync("/api/admin/users",
            new { userName, displayName = "将被停用", role = "Caseworker", orgUnitId = SchoolA })).ReadOkAsync();
        var id = created["user"]!["id"]!.GetValue<string>();
        var password = created["temporaryPassword"]!.GetValue<string>();
        var bearer = await factory.CreateClientAsync(userName, password);
        var cookie = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await cookie.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName, password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/tasks?scope=mine")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/api/tasks?scope=mine")).StatusCode);

        // What the other node's disable commits: the lockout and a new security stamp.
        await OnAnotherNodeAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.LockoutEnd, DateTimeOffset.MaxValue)
            .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N").ToUpperInvariant())));

        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/tasks?scope=mine")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/tasks?scope=mine")).StatusCode);
    }

    [Fact]
    public async Task UserMovedToAnotherUnitOnAnotherNode_LosesTheOldToken_AndSignsInAgain()
    {
        var admin = await factory.ClientAsync(Administrator);
        var userName = "it-node-" + Guid.NewGuid().ToString("N")[..8];
        var created = await (await admin.PostAsJsonAsync("/api/admin/users",
            new { userName, displayName = "将被调动", role = "Caseworker", orgUnitId = SchoolA })).ReadOkAsync();
        var id = created["user"]!["id"]!.GetValue<string>();
        var password = created["temporaryPassword"]!.GetValue<string>();
        var before = await factory.CreateClientAsync(userName, password);
        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("/api/tasks?scope=mine")).StatusCode);

        // Moved and role-checked on the other node: its UpdateUser commits the new unit and a new security stamp.
        await OnAnotherNodeAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.OrgUnitId, SchoolB)
            .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N").ToUpperInvariant())));

        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/tasks?scope=mine")).StatusCode);
        var after = await factory.CreateClientAsync(userName, password);
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/api/tasks?scope=mine")).StatusCode);
    }
}
