using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.Organisation;

/// <summary>
/// Issue 11: a retired (撤销) unit is not offered for new work (the list a form offers leaves it out) and every use case
/// that places new work in a unit refuses it with a field error in the reader's language; the full list, for history
/// views and filters, still shows it, flagged.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class RetiredUnitFacts(BishanWebFactory factory)
{
    private static HttpRequestMessage English(HttpMethod method, string url, object body)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        return request;
    }

    private static async Task<JsonArray> UnitsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsArray();
    }

    private static async Task<(string Id, string Name)> RetiredSchoolAsync(HttpClient admin)
    {
        var name = "撤并小学" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = await (await admin.PostAsJsonAsync("/api/admin/org-units", new { name, kind = "School", parentId = AreaA })).ReadOkAsync();
        var id = created["id"]!.GetValue<string>();
        await (await admin.PostAsync($"/api/admin/org-units/{id}/retire", null)).ReadOkAsync();
        return (id, name);
    }

    [Fact]
    public async Task RetiredUnit_LeftOutOfTheActiveList_ButKeptFlaggedInTheFullList()
    {
        var admin = await factory.ClientAsync(Administrator);
        var (id, _) = await RetiredSchoolAsync(admin);
        var caseworker = await factory.ClientAsync(CaseworkerA);

        var all = await UnitsAsync(caseworker, "/api/org-units");
        Assert.True(all.Single(u => u!["id"]!.GetValue<string>() == id)!["retired"]!.GetValue<bool>());
        var active = await UnitsAsync(caseworker, "/api/org-units?active=true");
        Assert.DoesNotContain(active, u => u!["id"]!.GetValue<string>() == id);
        Assert.DoesNotContain(active, u => u!["retired"]!.GetValue<bool>());
        Assert.Contains(active, u => u!["id"]!.GetValue<string>() == SchoolA);
    }

    [Fact]
    public async Task RetiredUnit_RefusedForANewUserHelperBudgetLineReferralAndNotice_WithTheReason()
    {
        var admin = await factory.ClientAsync(Administrator);
        var (id, name) = await RetiredSchoolAsync(admin);

        var user = await (await admin.PostAsJsonAsync("/api/admin/users",
            new { userName = "it-ret-" + Guid.NewGuid().ToString("N")[..6], displayName = "撤并", role = "Caseworker", orgUnitId = id })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(name, user["errors"]!["orgUnitId"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var helper = await (await admin.SendAsync(English(HttpMethod.Post, "/api/helpers",
            new { name = "撤并帮扶", kind = "Volunteer", orgUnitId = id }))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal($"“{name}” has been retired and takes no new users, units, cases, helpers, incidents, budget lines or supervision notices.",
            helper["errors"]!["orgUnitId"]![0]!.GetValue<string>());

        var budget = await (await admin.PostAsJsonAsync("/api/funding/budget-lines",
            new { year = 2026, name = "撤并学校经费", orgUnitId = id, amount = 1000m })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal($"“{name}”已撤销，不能再接收新的人员、下级单位、个案、帮扶人员、事件、经费或督办。", budget["errors"]!["orgUnitId"]![0]!.GetValue<string>());

        var referral = await (await (await factory.ClientAsync(SupervisorAreaA)).PostAsJsonAsync("/api/referrals", NewReferral(id)))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(referral["errors"]!["orgUnitId"]);

        var notice = await (await (await factory.ClientAsync(Inspector)).PostAsJsonAsync("/api/supervision",
            new { unitId = id, subject = "逾期未办", requirement = "限期整改", deadline = "2026-12-31" })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(name, notice["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
