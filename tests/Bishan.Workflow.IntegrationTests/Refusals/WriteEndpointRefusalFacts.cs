using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bishan.Workflow.IntegrationTests.CasesApi;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.Refusals;

/// <summary>
/// Issue 13, "go through every write endpoint with the same eye": what each POST/PUT/DELETE refuses. Every row sends one
/// bad input and expects a 4xx problem answer (400 with field errors where the input is at fault), never a 5xx and
/// never a success. Placeholders: {case} a case of caseworker A, {otherCase} one of caseworker B (another scope),
/// {task} the open task of {case}, {helper} a helper, {line} a budget line; "none" ids exist nowhere.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class WriteEndpointRefusalFacts(BishanWebFactory factory)
{
    private static readonly string Long = new('长', 20_000);
    private const string Missing = "does-not-exist";

    private enum Who { CaseworkerA, Admin }

    /// <summary>
    /// One refusal: the endpoint, the body (raw JSON), who sends it, the expected status and, for 400, the field the error
    /// names (null when the body as a whole is unreadable: a wrong JSON type is answered before any field is read).
    /// </summary>
    private sealed record Row(string Method, string Path, string? Body, Who Who, HttpStatusCode Status, string? Field = null)
    {
        public override string ToString() => $"{Method} {Path} {Body?[..Math.Min(60, Body.Length)]}";
    }

    private static string J(object value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static readonly Row[] Rows =
    [
        // ---- referrals ----
        new("POST", "/api/referrals", "{}", Who.CaseworkerA, HttpStatusCode.BadRequest, "name"),
        new("POST", "/api/referrals", Referral(r => r["name"] = Long), Who.CaseworkerA, HttpStatusCode.BadRequest, "name"),
        new("POST", "/api/referrals", Referral(r => r["dateOfBirth"] = "0001-01-01"), Who.CaseworkerA, HttpStatusCode.BadRequest, "dateOfBirth"),
        new("POST", "/api/referrals", Referral(r => r["dateOfBirth"] = "2999-01-01"), Who.CaseworkerA, HttpStatusCode.BadRequest, "dateOfBirth"),
        new("POST", "/api/referrals", Referral(r => r["dateOfBirth"] = "yesterday"), Who.CaseworkerA, HttpStatusCode.BadRequest, "dateOfBirth"),
        new("POST", "/api/referrals", Referral(r => r["gender"] = "Robot"), Who.CaseworkerA, HttpStatusCode.BadRequest, "gender"),
        new("POST", "/api/referrals", Referral(r => r["suggestedAction"] = "Nonsense"), Who.CaseworkerA, HttpStatusCode.BadRequest, "suggestedAction"),
        new("POST", "/api/referrals", Referral(r => r["idNumber"] = "12345"), Who.CaseworkerA, HttpStatusCode.BadRequest, "idNumber"),
        new("POST", "/api/referrals", Referral(r => r["reason"] = Long), Who.CaseworkerA, HttpStatusCode.BadRequest, "reason"),
        new("POST", "/api/referrals", Referral(r => r["source"] = Long), Who.CaseworkerA, HttpStatusCode.BadRequest, "source"),
        new("POST", "/api/referrals", Referral(r => r["orgUnitId"] = SchoolB), Who.CaseworkerA, HttpStatusCode.Forbidden),
        new("POST", "/api/referrals", Referral(r => r["orgUnitId"] = Long), Who.CaseworkerA, HttpStatusCode.BadRequest, "orgUnitId"),
        new("POST", "/api/referrals", Referral(r => r["name"] = 42), Who.CaseworkerA, HttpStatusCode.BadRequest),
        new("POST", "/api/referrals", "[1,2]", Who.CaseworkerA, HttpStatusCode.BadRequest),

        // ---- case files ----
        new("POST", "/api/cases/{case}/escalations", "{}", Who.CaseworkerA, HttpStatusCode.BadRequest, "targetTier"),
        new("POST", "/api/cases/{case}/escalations", J(new { targetTier = "Purple", reason = "x" }), Who.CaseworkerA, HttpStatusCode.BadRequest, "targetTier"),
        new("POST", "/api/cases/{case}/escalations", J(new { targetTier = "Severe", reason = Long }), Who.CaseworkerA, HttpStatusCode.BadRequest, "reason"),
        new("POST", "/api/cases/{otherCase}/escalations", J(new { targetTier = "Severe", reason = "x" }), Who.CaseworkerA, HttpStatusCode.Forbidden),
        new("POST", $"/api/cases/{Missing}/escalations", J(new { targetTier = "Severe", reason = "x" }), Who.CaseworkerA, HttpStatusCode.NotFound),
        new("POST", "/api/cases/{case}/exit-evaluations", J(new { reason = Long }), Who.CaseworkerA, HttpStatusCode.BadRequest, "reason"),
        new("POST", "/api/cases/{otherCase}/exit-evaluations", J(new { reason = "x" }), Who.CaseworkerA, HttpStatusCode.Forbidden),
        new("POST", "/api/cases/{case}/help-records", "{}", Who.CaseworkerA, HttpStatusCode.BadRequest, "kind"),
        new("POST", "/api/cases/{case}/help-records", HelpRecord(occurredOn: "0001-01-01"), Who.CaseworkerA, HttpStatusCode.BadRequest, "occurredOn"),
        new("POST", "/api/cases/{case}/help-records", HelpRecord(occurredOn: "2999-01-01"), Who.CaseworkerA, HttpStatusCode.BadRequest, "occurredOn"),
        new("POST", "/api/cases/{case}/help-records", HelpRecord(content: Long), Who.CaseworkerA, HttpStatusCode.BadRequest, "content"),
        new("POST", "/api/cases/{case}/help-records", HelpRecord(kind: Long), Who.CaseworkerA, HttpStatusCode.BadRequest, "kind"),
        new("POST", "/api/cases/{case}/help-records", HelpRecord(occurredOn: "03/01/2026"), Who.CaseworkerA, HttpStatusCode.BadRequest, "occurredOn"),
        new("POST", "/api/cases/{otherCase}/help-records", HelpRecord(), Who.CaseworkerA, HttpStatusCode.Forbidden),
        new("POST", $"/api/cases/{Missing}/id-number/reveal", null, Who.Admin, HttpStatusCode.NotFound),
        new("POST", "/api/cases/{otherCase}/id-number/reveal", null, Who.CaseworkerA, HttpStatusCode.Forbidden),

        // ---- tasks ----
        new("POST", $"/api/tasks/{Missing}/claim", null, Who.CaseworkerA, HttpStatusCode.NotFound),
        new("POST", $"/api/tasks/{Missing}/unclaim", null, Who.CaseworkerA, HttpStatusCode.NotFound),
        new("POST", "/api/tasks/{task}/reassign", "{}", Who.CaseworkerA, HttpStatusCode.BadRequest, "userName"),
        new("POST", "/api/tasks/{task}/reassign", J(new { userName = Long }), Who.CaseworkerA, HttpStatusCode.BadRequest, "userName"),
        new("POST", "/api/tasks/{task}/comment", "{}", Who.CaseworkerA, HttpStatusCode.BadRequest, "text"),
        new("POST", "/api/tasks/{task}/comment", J(new { text = Long }), Who.CaseworkerA, HttpStatusCode.BadRequest, "text"),
        new("POST", "/api/tasks/{task}/complete", J(new { outcome = "Nonsense" }), Who.CaseworkerA, HttpStatusCode.BadRequest, "outcome"),
        new("POST", "/api/tasks/{task}/complete", J(new { outcome = "Eligible", comment = Long }), Who.CaseworkerA, HttpStatusCode.BadRequest, "comment"),
        new("POST", $"/api/tasks/{Missing}/complete", J(new { outcome = "Done" }), Who.CaseworkerA, HttpStatusCode.NotFound),

        // ---- resource pool ----
        new("POST", "/api/helpers", "{}", Who.Admin, HttpStatusCode.BadRequest, "name"),
        new("POST", "/api/helpers", Helper(name: Long), Who.Admin, HttpStatusCode.BadRequest, "name"),
        new("POST", "/api/helpers", Helper(kind: "Wizard"), Who.Admin, HttpStatusCode.BadRequest, "kind"),
        new("POST", "/api/helpers", Helper(phone: Long), Who.Admin, HttpStatusCode.BadRequest, "phone"),
        new("POST", "/api/helpers", Helper(specialty: Long), Who.Admin, HttpStatusCode.BadRequest, "specialty"),
        new("POST", "/api/helpers", Helper(teamName: Long), Who.Admin, HttpStatusCode.BadRequest, "teamName"),
        new("POST", "/api/helpers", Helper(orgUnitId: Missing), Who.Admin, HttpStatusCode.BadRequest, "orgUnitId"),
        new("PUT", "/api/helpers/{helper}", Helper(name: ""), Who.Admin, HttpStatusCode.BadRequest, "name"),
        new("PUT", "/api/helpers/987654321", Helper(), Who.Admin, HttpStatusCode.NotFound),
        new("POST", "/api/cases/{case}/helpers", "{}", Who.CaseworkerA, HttpStatusCode.BadRequest, "helperId"),
        new("POST", "/api/cases/{case}/helpers", J(new { helperId = 987654321 }), Who.CaseworkerA, HttpStatusCode.BadRequest, "helperId"),
        new("POST", "/api/cases/{case}/helpers", "{\"helperId\":\"{helper}\",\"role\":\"" + new string('r', 500) + "\"}", Who.CaseworkerA, HttpStatusCode.BadRequest, "role"),
        new("POST", "/api/cases/{otherCase}/helpers", "{\"helperId\":{helper}}", Who.CaseworkerA, HttpStatusCode.Forbidden),
        new("DELETE", "/api/cases/{case}/helpers/987654321", null, Who.CaseworkerA, HttpStatusCode.NotFound),

        // ---- funding ----
        new("POST", "/api/funding/budget-lines", "{}", Who.Admin, HttpStatusCode.BadRequest, "year"),
        new("POST", "/api/funding/budget-lines", BudgetLine(year: 1800), Who.Admin, HttpStatusCode.BadRequest, "year"),
        new("POST", "/api/funding/budget-lines", BudgetLine(amount: -5), Who.Admin, HttpStatusCode.BadRequest, "amount"),
        new("POST", "/api/funding/budget-lines", BudgetLine(amount: 0.001m), Who.Admin, HttpStatusCode.BadRequest, "amount"),
        new("POST", "/api/funding/budget-lines", BudgetLine(name: Long), Who.Admin, HttpStatusCode.BadRequest, "name"),
        new("POST", "/api/funding/budget-lines", BudgetLine(notes: Long), Who.Admin, HttpStatusCode.BadRequest, "notes"),
        new("POST", "/api/funding/budget-lines", BudgetLine(orgUnitId: Missing), Who.Admin, HttpStatusCode.BadRequest, "orgUnitId"),
        new("POST", "/api/funding/budget-lines", "{\"year\":\"twenty\"}", Who.Admin, HttpStatusCode.BadRequest),
        new("POST", "/api/funding/expenditures", "{}", Who.Admin, HttpStatusCode.BadRequest, "budgetLineId"),
        new("POST", "/api/funding/expenditures", Expenditure(amount: -1), Who.Admin, HttpStatusCode.BadRequest, "amount"),
        new("POST", "/api/funding/expenditures", Expenditure(spentOn: "0001-01-01"), Who.Admin, HttpStatusCode.BadRequest, "spentOn"),
        new("POST", "/api/funding/expenditures", Expenditure(spentOn: "2999-01-01"), Who.Admin, HttpStatusCode.BadRequest, "spentOn"),
        new("POST", "/api/funding/expenditures", Expenditure(purpose: Long), Who.Admin, HttpStatusCode.BadRequest, "purpose"),
        new("POST", "/api/funding/expenditures", Expenditure(budgetLineId: 987654321), Who.Admin, HttpStatusCode.BadRequest, "budgetLineId"),
        new("POST", "/api/cases/{case}/subsidies", "{}", Who.CaseworkerA, HttpStatusCode.BadRequest, "amount"),
        new("POST", "/api/cases/{case}/subsidies", "{\"amount\":-1,\"reason\":\"x\",\"budgetLineId\":{line}}", Who.CaseworkerA, HttpStatusCode.BadRequest, "amount"),
        new("POST", "/api/cases/{case}/subsidies", "{\"amount\":10,\"reason\":\"" + Long + "\",\"budgetLineId\":{line}}", Who.CaseworkerA, HttpStatusCode.BadRequest, "reason"),
        new("POST", "/api/subsidies/987654321/pay", null, Who.Admin, HttpStatusCode.NotFound),

        // ---- notifications ----
        new("POST", "/api/notifications/987654321/read", null, Who.CaseworkerA, HttpStatusCode.NotFound),

        // ---- workflow definitions, instances, bookmarks, events ----
        new("POST", "/api/workflow-definitions/import", "", Who.Admin, HttpStatusCode.BadRequest),
        new("POST", "/api/workflow-definitions/import", "[]", Who.Admin, HttpStatusCode.BadRequest),
        new("POST", "/api/workflow-definitions/import", """{"definitionId":"refusal-activities","root":{"id":"flow1","type":"Elsa.Flowchart","activities":{}}}""", Who.Admin, HttpStatusCode.BadRequest, "activities"),
        new("POST", "/api/workflow-definitions/import", "{\"definitionId\":\"" + new string('d', 100_000) + "\",\"root\":{\"id\":\"flow1\",\"type\":\"Elsa.Flowchart\",\"activities\":[]}}", Who.Admin, HttpStatusCode.BadRequest, "definitionId"),
        new("POST", $"/api/workflow-definitions/{Missing}/publish", null, Who.Admin, HttpStatusCode.NotFound),
        new("POST", $"/api/workflow-definitions/{Missing}/retract", null, Who.Admin, HttpStatusCode.NotFound),
        new("POST", $"/api/workflow-definitions/{Missing}/revert/1", null, Who.Admin, HttpStatusCode.NotFound),
        new("DELETE", $"/api/workflow-definitions/{Missing}/versions/1", null, Who.Admin, HttpStatusCode.NotFound),
        new("POST", $"/api/workflow-definitions/{Missing}/execute", "{}", Who.Admin, HttpStatusCode.NotFound),
        new("POST", "/api/workflow-definitions/case-intake/execute", "{\"input\":5}", Who.Admin, HttpStatusCode.BadRequest),
        new("POST", "/api/workflow-definitions/case-intake/execute", J(new { correlationId = Long }), Who.Admin, HttpStatusCode.BadRequest, "correlationId"),
        new("POST", $"/api/workflow-instances/{Missing}/retry", null, Who.Admin, HttpStatusCode.NotFound),
        new("POST", $"/api/workflow-instances/{Missing}/cancel", null, Who.Admin, HttpStatusCode.NotFound),
        new("POST", $"/api/bookmarks/{Missing}/resume", "{}", Who.Admin, HttpStatusCode.NotFound),
        new("POST", "/api/events/" + new string('e', 300) + "/trigger", "{}", Who.Admin, HttpStatusCode.BadRequest, "eventName"),
        new("POST", "/api/events/some-event/trigger", J(new { correlationId = Long }), Who.Admin, HttpStatusCode.BadRequest, "correlationId"),
    ];

    public static TheoryData<int> RowNumbers => [.. Enumerable.Range(0, Rows.Length)];

    [Theory]
    [MemberData(nameof(RowNumbers))]
    public async Task WriteEndpoint_RefusesBadInput_WithAProblem_NeverA5xx(int number)
    {
        var row = Rows[number];
        var world = await WorldAsync();
        var client = await factory.ClientAsync(row.Who == Who.Admin ? Administrator : CaseworkerA);
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), world.Fill(row.Path));
        request.Headers.AcceptLanguage.ParseAdd("en");
        if (row.Body is not null) request.Content = new StringContent(world.Fill(row.Body), Encoding.UTF8, "application/json");

        var response = await client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(row.Status == response.StatusCode, $"{row}: expected {(int)row.Status}, got {(int)response.StatusCode}: {text[..Math.Min(400, text.Length)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (row.Field is null) return;
        var errors = JsonNode.Parse(text)!["errors"];
        var fields = errors switch
        {
            JsonObject byField => byField.Select(kv => kv.Key).ToList(),
            JsonArray list => list.Select(e => e?["field"]?.GetValue<string>()).OfType<string>().ToList(),
            _ => [],
        };
        Assert.True(fields.Contains(row.Field, StringComparer.OrdinalIgnoreCase), $"{row}: no error for '{row.Field}' in {text[..Math.Min(400, text.Length)]}");
    }

    // ---- the data the rows point at, made once per app ----

    private sealed record World(string Case, string OtherCase, string Task, long Helper, long Line)
    {
        public string Fill(string text) => text
            .Replace("{case}", Case, StringComparison.Ordinal)
            .Replace("{otherCase}", OtherCase, StringComparison.Ordinal)
            .Replace("{task}", Task, StringComparison.Ordinal)
            .Replace("\"{helper}\"", Helper.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{helper}", Helper.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{line}", Line.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static World? _world;
    private static readonly SemaphoreSlim Gate = new(1, 1);

    private async Task<World> WorldAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_world is not null) return _world;
            await EnsureAsync(factory);
            var mine = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
            var other = await factory.RegisteredCaseAsync(CaseworkerB, SchoolB, AreaB);
            var helper = await factory.NewHelperAsync();
            var line = await factory.NewBudgetLineAsync(10_000m);
            return _world = new World(mine.CaseId, other.CaseId, mine.TaskId, helper, line);
        }
        finally
        {
            Gate.Release();
        }
    }

    // ---- bodies: valid but for the one field a row spoils ----

    private static string Referral(Action<JsonObject> spoil)
    {
        var body = new JsonObject
        {
            ["name"] = "测试拒收", ["gender"] = "Male", ["dateOfBirth"] = "2012-03-04", ["idNumber"] = IdNumberFor(new DateOnly(2012, 3, 4), true, 7),
            ["orgUnitId"] = SchoolA, ["reason"] = "连续两周未到校。", ["suggestedAction"] = "DropoutPrevention", ["source"] = "班主任",
        };
        spoil(body);
        return body.ToJsonString();
    }

    private static string HelpRecord(string occurredOn = "2026-03-01", string kind = "HomeVisit", string content = "家访。") =>
        J(new { occurredOn, kind, content });

    private static string Helper(string name = "帮扶人", string kind = "FamilyEducationInstructor", string orgUnitId = AreaA,
        string teamName = "同心护未来", string phone = "023-4112 0000", string specialty = "家庭教育指导") =>
        J(new { name, kind, orgUnitId, teamName, phone, specialty });

    private static string BudgetLine(int year = 2026, string name = "补助", string orgUnitId = "task-force", decimal amount = 100m, string notes = "") =>
        J(new { year, name, orgUnitId, amount, notes });

    private static string Expenditure(long budgetLineId = 0, decimal amount = 10m, string purpose = "补助", string spentOn = "2026-03-01") =>
        "{\"budgetLineId\":" + (budgetLineId == 0 ? "{line}" : budgetLineId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        + ",\"amount\":" + amount.ToString(System.Globalization.CultureInfo.InvariantCulture)
        + ",\"purpose\":" + J(purpose) + ",\"spentOn\":" + J(spentOn) + "}";
}
