using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.Organisation;

/// <summary>
/// Issue 11 point 1: the organisation with 镇街, 区督查办 and the leading group's office; administrators manage org units
/// (create, rename, move, retire; a retired unit keeps its history and takes no new work) and users (create, role, unit,
/// disable, reset password), every change audited, bad input answered with field errors or 409 in the reader's language.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class OrganisationFacts(BishanWebFactory factory)
{
    private static async Task<JsonArray> ArrayAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsArray();
    }

    private static HttpRequestMessage English(HttpMethod method, string url, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        return request;
    }

    private async Task<int> AuditCountAsync(string action, string entityId) =>
        await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == action && a.EntityId == entityId));

    [Fact]
    public async Task OrgUnits_ListTheFifteenTownsAndStreets_TheSupervisionOffice_AndTheLeadingGroupsOffice()
    {
        var client = await factory.ClientAsync(CaseworkerA);
        var units = await ArrayAsync(await client.GetAsync("/api/org-units"));

        var towns = units.Where(u => u!["kind"]!.GetValue<string>() == "TownStreet").ToList();
        Assert.Equal(15, towns.Count);
        Assert.Contains(towns, t => t!["name"]!.GetValue<string>() == "璧城街道" && t["parentId"]!.GetValue<string>() == "district");
        Assert.Contains(towns, t => t!["name"]!.GetValue<string>() == "健龙镇");
        Assert.Contains(units, u => u!["id"]!.GetValue<string>() == "supervision-office" && u["name"]!.GetValue<string>() == "区督查办");
        Assert.Contains(units, u => u!["kind"]!.GetValue<string>() == "LeadingGroupOffice");
        // Communities and villages under a 镇街.
        Assert.Contains(units, u => u!["parentId"]?.GetValue<string>() == "town-jianlong" && u["kind"]!.GetValue<string>() == "Community");
    }

    [Fact]
    public async Task Administrator_CreatesRenamesMovesAndRetiresAUnit_AuditedAndKeptInTheTree()
    {
        var admin = await factory.ClientAsync(Administrator);
        var created = await (await admin.PostAsJsonAsync("/api/admin/org-units",
            new { name = "试点村" + Guid.NewGuid().ToString("N")[..4], kind = "Community", parentId = "town-hebian" })).ReadOkAsync();
        var id = created["id"]!.GetValue<string>();
        Assert.Equal("area-bicheng", created["areaId"]!.GetValue<string>());
        Assert.Equal("河边镇", created["parentName"]!.GetValue<string>());

        var renamed = await (await admin.PutAsJsonAsync($"/api/admin/org-units/{id}", new { name = "新名村" + id[^4..] })).ReadOkAsync();
        Assert.StartsWith("新名村", renamed["name"]!.GetValue<string>(), StringComparison.Ordinal);

        // Moved to a town of another area: it takes that area.
        var moved = await (await admin.PostAsJsonAsync($"/api/admin/org-units/{id}/move", new { parentId = "town-jianlong" })).ReadOkAsync();
        Assert.Equal("town-jianlong", moved["parentId"]!.GetValue<string>());
        Assert.Equal("area-dalu", moved["areaId"]!.GetValue<string>());

        var retired = await (await admin.PostAsync($"/api/admin/org-units/{id}/retire", null)).ReadOkAsync();
        Assert.True(retired["retired"]!.GetValue<bool>());

        // Still in the tree (its history resolves), marked retired.
        var units = await ArrayAsync(await admin.GetAsync("/api/org-units"));
        var row = units.Single(u => u!["id"]!.GetValue<string>() == id)!;
        Assert.True(row["retired"]!.GetValue<bool>());

        foreach (var action in new[] { AuditActions.OrgUnitCreate, AuditActions.OrgUnitRename, AuditActions.OrgUnitMove, AuditActions.OrgUnitRetire })
            Assert.Equal(1, await AuditCountAsync(action, id));
    }

    [Fact]
    public async Task RetiredUnit_TakesNoChildrenUsersOrReferrals_WithTheReasonInTheReadersLanguage()
    {
        var admin = await factory.ClientAsync(Administrator);
        var created = await (await admin.PostAsJsonAsync("/api/admin/org-units",
            new { name = "撤并村" + Guid.NewGuid().ToString("N")[..4], kind = "Community", parentId = "town-fulu" })).ReadOkAsync();
        var id = created["id"]!.GetValue<string>();
        await (await admin.PostAsync($"/api/admin/org-units/{id}/retire", null)).ReadOkAsync();

        var again = await (await admin.PostAsync($"/api/admin/org-units/{id}/retire", null)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已经撤销", again["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var user = await (await admin.SendAsync(English(HttpMethod.Post, "/api/admin/users",
            new { userName = "it-org-" + Guid.NewGuid().ToString("N")[..6], displayName = "王老师", role = "Caseworker", orgUnitId = id })))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("has been retired", user["errors"]!["orgUnitId"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var referral = await (await admin.PostAsJsonAsync("/api/referrals", NewReferral(id))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("已撤销", referral["errors"]!["orgUnitId"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrgUnitEdits_AreRefused_ForNonAdministrators_WrongParents_CyclesAndUnitsStillInUse()
    {
        var leader = await factory.ClientAsync(Leader);
        await (await leader.PostAsJsonAsync("/api/admin/org-units", new { name = "x", kind = "Community", parentId = "town-fulu" }))
            .ReadProblemAsync(HttpStatusCode.Forbidden);

        var admin = await factory.ClientAsync(Administrator);
        // A school directly under the leading group; a town/street without its area; an unknown parent.
        var school = await (await admin.SendAsync(English(HttpMethod.Post, "/api/admin/org-units", new { name = "某小学", kind = "School", parentId = "district" })))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("cannot be placed under", school["errors"]!["parentId"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var town = await (await admin.PostAsJsonAsync("/api/admin/org-units", new { name = "新镇", kind = "TownStreet", parentId = "district" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(town["errors"]!["areaId"]);
        var unknown = await (await admin.PostAsJsonAsync("/api/admin/org-units", new { name = "某村", kind = "Community", parentId = "nowhere" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("nowhere", unknown["errors"]!["parentId"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        // The rules' units neither move nor retire; a unit with users or units under it does not retire.
        await (await admin.PostAsync("/api/admin/org-units/supervision-office/retire", null)).ReadProblemAsync(HttpStatusCode.Conflict);
        var withChildren = await (await admin.PostAsync("/api/admin/org-units/town-sanhe/retire", null)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("未撤销的单位", withChildren["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var withUsers = await (await admin.PostAsync($"/api/admin/org-units/{SchoolA}/retire", null)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("名用户", withUsers["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        // A 镇 moved under one of its own villages.
        var cycle = await (await admin.PostAsJsonAsync("/api/admin/org-units/town-sanhe/move", new { parentId = "village-sanhe-huayuan" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(cycle["errors"]!["parentId"]);
        await (await admin.PostAsync("/api/admin/org-units/no-such-unit/retire", null)).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Administrator_CreatesAUser_WhoSignsIn_ThenChangesRoleAndUnit_DisablesEnablesAndResetsThePassword()
    {
        var admin = await factory.ClientAsync(Administrator);
        var userName = "it-org-" + Guid.NewGuid().ToString("N")[..8];
        var created = await (await admin.PostAsJsonAsync("/api/admin/users",
            new { userName, displayName = "周网格员", role = "Caseworker", orgUnitId = "village-hebian-qiaodong" })).ReadOkAsync();
        var id = created["user"]!["id"]!.GetValue<string>();
        var password = created["temporaryPassword"]!.GetValue<string>();
        Assert.Equal("桥东村", created["user"]!["orgUnitName"]!.GetValue<string>());
        await factory.CreateClientAsync(userName, password);

        var updated = await (await admin.PutAsJsonAsync($"/api/admin/users/{id}", new { role = "Supervisor", orgUnitId = "town-hebian" })).ReadOkAsync();
        Assert.Equal(["Supervisor"], updated["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("town-hebian", updated["orgUnitId"]!.GetValue<string>());

        var disabled = await (await admin.PostAsync($"/api/admin/users/{id}/disable", null)).ReadOkAsync();
        Assert.True(disabled["disabled"]!.GetValue<bool>());
        var refused = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName, password });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        await (await admin.PostAsync($"/api/admin/users/{id}/enable", null)).ReadOkAsync();
        await factory.CreateClientAsync(userName, password);

        var reset = await (await admin.PostAsync($"/api/admin/users/{id}/reset-password", null)).ReadOkAsync();
        var newPassword = reset["temporaryPassword"]!.GetValue<string>();
        Assert.NotEqual(password, newPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName, password })).StatusCode);
        await factory.CreateClientAsync(userName, newPassword);

        var list = await ArrayAsync(await admin.GetAsync($"/api/admin/users?q={userName}"));
        Assert.Equal(id, Assert.Single(list)!["id"]!.GetValue<string>());
        foreach (var action in new[] { AuditActions.UserCreate, AuditActions.UserUpdate, AuditActions.UserDisable, AuditActions.UserEnable, AuditActions.UserResetPassword })
            Assert.Equal(1, await AuditCountAsync(action, id));
    }

    [Fact]
    public async Task UserAdministration_RefusesAUnitOutsideTheTree_UnknownRoles_TakenNames_SelfDisable_AndNonAdministrators()
    {
        var admin = await factory.ClientAsync(Administrator);
        var outside = await (await admin.SendAsync(English(HttpMethod.Post, "/api/admin/users",
            new { userName = "it-org-x" + Guid.NewGuid().ToString("N")[..6], displayName = "x", role = "Boss", orgUnitId = "school-nowhere" })))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("There is no unit with the id “school-nowhere” in the organisation.", outside["errors"]!["orgUnitId"]![0]!.GetValue<string>());
        Assert.Contains("Inspector", outside["errors"]!["role"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var chinese = await (await admin.PostAsJsonAsync("/api/admin/users",
            new { userName = CaseworkerA.UserName, displayName = "重名", role = "Caseworker", orgUnitId = SchoolA })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("该登录名已被使用，请换一个。", chinese["errors"]!["userName"]![0]!.GetValue<string>());

        var adminId = await factory.UserIdAsync(Administrator);
        await (await admin.PostAsync($"/api/admin/users/{adminId}/disable", null)).ReadProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PutAsJsonAsync($"/api/admin/users/{adminId}", new { role = "Leader" })).ReadProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsync("/api/admin/users/no-such-user/reset-password", null)).ReadProblemAsync(HttpStatusCode.NotFound);

        var inspector = await factory.ClientAsync(Inspector);
        await (await inspector.GetAsync("/api/admin/users")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await inspector.PostAsJsonAsync("/api/admin/users", new { userName = "x", displayName = "x", role = "Leader", orgUnitId = "district" }))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PoolFigures_CountEveryKind_IncludingVolunteersAndGridWorkers_AndANewHelperCountsAtOnce()
    {
        var admin = await factory.ClientAsync(Administrator);
        static int Count(JsonObject figures, string kind) =>
            figures["byKind"]!.AsArray().Single(k => k!["kind"]!.GetValue<string>() == kind)!["count"]!.GetValue<int>();
        var before = await (await admin.GetAsync("/api/stats/pool")).ReadOkAsync();
        Assert.Contains(before["byKind"]!.AsArray(), k => k!["kind"]!.GetValue<string>() == "GridWorker" && k["label"]!.GetValue<string>() == "网络员");

        await (await admin.PostAsJsonAsync("/api/helpers", new { name = "李网络员", kind = "GridWorker", orgUnitId = "village-hebian-qiaodong" })).ReadOkAsync();
        await (await admin.PostAsJsonAsync("/api/helpers", new { name = "青年志愿者", kind = "Volunteer", orgUnitId = "town-hebian" })).ReadOkAsync();

        var after = await (await (await factory.ClientAsync(Inspector)).GetAsync("/api/stats/pool")).ReadOkAsync();
        Assert.Equal(Count(before, "GridWorker") + 1, Count(after, "GridWorker"));
        Assert.Equal(Count(before, "Volunteer") + 1, Count(after, "Volunteer"));
        Assert.Equal(before["total"]!.GetValue<int>() + 2, after["total"]!.GetValue<int>());
    }
}
