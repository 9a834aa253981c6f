using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.IdNumbers;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.LifeTests;

/// <summary>
/// One minor's whole life in the programme, through the HTTP API as the demo users, with the shipped
/// workflows, real SQLite files and timers delivered by a fake clock (issue 3 §6): referral → duplicate
/// refused → screening → approval → registered → escalation approved by the right tier → the weekly
/// consultation lists the case and a decision becomes its task → exit evaluation → exit → follow-ups at
/// +1/+3/+6 months → a relapse re-enters the case with its history.
/// </summary>
public sealed class CaseLifeFacts(LifeFactory app) : IClassFixture<LifeFactory>
{
    private const string School = "school-bishan-middle"; // the demo caseworker's school, 璧城片区

    [Fact]
    public async Task WholeLife_ThroughTheApi_WithTimersOnAFakeClock()
    {
        // Referral by the school's caseworker.
        var caseworker = await app.LoginAsync("caseworker");
        var idNumber = IdNumberGenerator.Generate(new DateOnly(2012, 5, 17), Gender.Male, 317, BishanAreaCodes.County);
        var referral = new
        {
            name = "王小明",
            gender = "Male",
            dateOfBirth = "2012-05-17",
            idNumber = idNumber.Value,
            orgUnitId = School,
            reason = "连续两周未到校，家中无人监护。",
            suggestedAction = "DropoutPrevention",
            source = "班主任",
        };
        var created = await (await caseworker.PostAsJsonAsync("/api/referrals", referral)).OkJsonAsync(HttpStatusCode.Created);
        var caseId = created["caseId"]!.GetValue<string>();

        // The same minor again: refused with the earlier file as a (masked) candidate.
        var duplicate = await caseworker.PostAsJsonAsync("/api/referrals", referral);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var candidates = (await duplicate.Content.ReadFromJsonAsync<JsonObject>())!["candidates"]!.AsArray();
        Assert.Contains(candidates, c => c!.ToJsonString().Contains(caseId, StringComparison.Ordinal));
        Assert.DoesNotContain(idNumber.Value, await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Screening: eligible, dropout prevention, light.
        await CompleteAsync(caseworker, caseId, "Eligible", new JsonObject
        {
            ["proposedAction"] = "DropoutPrevention",
            ["proposedTier"] = "Light",
            ["screeningReason"] = "符合控辍保学入库条件。",
        });

        // Light → the area centre's supervisor approves the registration.
        var areaSupervisor = await app.LoginAsync("supervisor-bicheng");
        await CompleteAsync(areaSupervisor, caseId, "Approved", new JsonObject { ["comment"] = "同意入库。" }, "同意入库。");
        var file = await FileAsync(caseworker, caseId);
        Assert.Equal("Registered", file["status"]!.GetValue<string>());
        Assert.Equal("Light", file["tier"]!.GetValue<string>());
        Assert.Equal("area-bicheng", file["coordinatingBody"]!["id"]!.GetValue<string>());

        // Support plan (一人一策) by the coordinating body.
        await CompleteAsync(areaSupervisor, caseId, "Done", new JsonObject
        {
            ["helperTeam"] = "班主任、社工、五老志愿者",
            ["planGoals"] = "一个月内返校并稳定就读。",
            ["planMeasures"] = "每周家访一次；联系父母回乡履行监护职责。",
        });

        // Escalation to severe: only the district task force may approve it, and the tier changes after that.
        var escalation = await caseworker.PostAsJsonAsync($"/api/cases/{caseId}/escalations", new { targetTier = "Severe", reason = "多次离家出走，情况恶化。" });
        Assert.True(escalation.IsSuccessStatusCode, await escalation.Content.ReadAsStringAsync());
        Assert.Null(await OpenTaskOfAsync(areaSupervisor, caseId));
        Assert.Equal("Light", (await FileAsync(caseworker, caseId))["tier"]!.GetValue<string>());
        var taskForce = await app.LoginAsync("supervisor-taskforce");
        await CompleteAsync(taskForce, caseId, "Approved", new JsonObject { ["comment"] = "同意升级为严重。" }, "同意升级为严重。");
        file = await FileAsync(caseworker, caseId);
        Assert.Equal("Severe", file["tier"]!.GetValue<string>());
        Assert.Equal("task-force", file["coordinatingBody"]!["id"]!.GetValue<string>());
        Assert.Contains(file["timeline"]!.AsArray(), t => t!["kind"]!.GetValue<string>().Contains("Tier", StringComparison.Ordinal));

        // The weekly consultation (cron on Sunday 09:00, meeting a day later) lists the severe case.
        await app.Scheduler.AdvanceAsync(TimeSpan.FromDays(8));
        var secretary = await app.LoginAsync("secretary");
        file = await FileAsync(await app.LoginAsync("caseworker"), caseId);
        var meeting = Assert.Single(file["meetings"]!.AsArray())!;
        Assert.Equal("Weekly", meeting["kind"]!.GetValue<string>());
        var minutes = await OpenTaskOfAsync(secretary, null, scope: "group")
                      ?? throw new InvalidOperationException("The secretary has no minutes task.");
        await PostOkAsync(secretary, $"/api/tasks/{minutes}/claim", new { });
        await PostOkAsync(secretary, $"/api/tasks/{minutes}/complete", new
        {
            outcome = "Done",
            data = new { minutes = "研究严重个案一件。", attendance = "区教委、区民政局、璧城片区", decisions = $"{caseId}: 本周内完成一次联合家访" },
        });
        caseworker = await app.LoginAsync("caseworker");
        file = await FileAsync(caseworker, caseId);
        Assert.Contains(file["openTasks"]!.AsArray(), t => t!["title"]!.GetValue<string>().Contains("联合家访", StringComparison.Ordinal));
        await CompleteAsync(caseworker, caseId, "Done", new JsonObject { ["result"] = "已完成联合家访，家长同意返乡监护。" });

        // Exit evaluation: checklist, team evaluation, approval by the task force (severe), exit.
        var exit = await caseworker.PostAsJsonAsync($"/api/cases/{caseId}/exit-evaluations", new { reason = "已稳定返校一学期。" });
        Assert.True(exit.IsSuccessStatusCode, await exit.Content.ReadAsStringAsync());
        await CompleteAsync(caseworker, caseId, "CriteriaMet", new JsonObject { ["criteriaNotes"] = "各项出库标准均已达到。" });
        await CompleteAsync(caseworker, caseId, "RecommendExit", new JsonObject { ["teamEvaluation"] = "团队一致同意出库。" });
        taskForce = await app.LoginAsync("supervisor-taskforce");
        await CompleteAsync(taskForce, caseId, "Approved", new JsonObject { ["comment"] = "同意出库。" }, "同意出库。");
        file = await FileAsync(caseworker, caseId);
        Assert.Equal("FollowUp", file["status"]!.GetValue<string>());
        Assert.NotNull(file["profile"]!["exitedAtUtc"]);

        // Follow-up reviews fall due at +1 and +3 months; the second finds a relapse.
        await app.Scheduler.AdvanceAsync(TimeSpan.FromDays(31));
        caseworker = await app.LoginAsync("caseworker");
        await CompleteAsync(caseworker, caseId, "Stable", new JsonObject { ["reviewNotes"] = "在校表现稳定。" });
        await app.Scheduler.AdvanceAsync(TimeSpan.FromDays(60));
        caseworker = await app.LoginAsync("caseworker");
        await CompleteAsync(caseworker, caseId, "Relapse", new JsonObject { ["reviewNotes"] = "再次辍学。" });

        // Re-entry keeps the whole history: the first registration, the exit and the reviews stay on the file.
        file = await FileAsync(caseworker, caseId);
        Assert.Contains(file["status"]!.GetValue<string>(), (string[])["Referred", "Screening"]);
        Assert.Single(file["registrations"]!.AsArray());
        var timeline = file["timeline"]!.AsArray().Select(t => t!["kind"]!.GetValue<string>()).ToList();
        Assert.Contains(timeline, k => k.Contains("Exit", StringComparison.Ordinal));
        Assert.Contains(timeline, k => k.Contains("Reent", StringComparison.Ordinal));
        Assert.NotNull(await OpenTaskOfAsync(caseworker, caseId)); // screening again
    }

    private static async Task<JsonObject> FileAsync(HttpClient client, string caseId) =>
        await (await client.GetAsync($"/api/cases/{caseId}")).OkJsonAsync(HttpStatusCode.OK);

    /// <summary>The id of the caller's open task on the case (null case: any), or null.</summary>
    private static async Task<string?> OpenTaskOfAsync(HttpClient client, string? caseId, string scope = "mine")
    {
        var page = await (await client.GetAsync($"/api/tasks?scope={scope}&status=open&take=100")).OkJsonAsync(HttpStatusCode.OK);
        return page["items"]!.AsArray().OfType<JsonObject>()
            .Where(t => caseId is null || t["caseId"]?.GetValue<string>() == caseId)
            .OrderBy(t => t["createdAtUtc"]!.GetValue<DateTime>())
            .Select(t => t["id"]!.GetValue<string>())
            .FirstOrDefault();
    }

    private static async Task CompleteAsync(HttpClient client, string caseId, string outcome, JsonObject data, string? comment = null)
    {
        var taskId = await OpenTaskOfAsync(client, caseId)
                     ?? throw new InvalidOperationException($"No open task on case {caseId} for outcome {outcome}.");
        await PostOkAsync(client, $"/api/tasks/{taskId}/complete", new { outcome, data, comment });
    }

    private static async Task PostOkAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

internal static class HttpExtensions
{
    public static async Task<JsonObject> OkJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }
}
