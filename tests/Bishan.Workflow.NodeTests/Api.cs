using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Bishan.Workflow.NodeTests;

/// <summary>The HTTP calls the facts repeat, with the answer's body in every failure message.</summary>
internal static class Api
{
    /// <summary>The demo caseworker's school: referrals there are assigned to "caseworker", the only caseworker of it.</summary>
    public const string CaseworkerSchool = "school-bishan-middle";

    public static async Task<JsonObject> ReadOkAsync(this HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{what}: {(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>A referral of a fresh synthetic minor (unique name, no ID number), so that no duplicate check refuses it.</summary>
    public static JsonObject NewReferral() => new()
    {
        ["name"] = $"双节点{Guid.NewGuid():N}"[..14],
        ["gender"] = "Female",
        ["dateOfBirth"] = "2011-05-06",
        ["orgUnitId"] = CaseworkerSchool,
        ["reason"] = "连续两周未到校。",
        ["suggestedAction"] = "DropoutPrevention",
        ["source"] = "班主任",
    };

    public static Task<HttpResponseMessage> ReferAsync(this HttpClient client) => client.PostAsJsonAsync("/api/referrals", NewReferral());

    /// <summary>Imports and publishes a definition, asserting success.</summary>
    public static async Task ImportAsync(this HttpClient admin, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        await (await admin.PostAsync("/api/workflow-definitions/import?publish=true", content)).ReadOkAsync("importing a test workflow");
    }

    public static async Task<JsonArray> JournalAsync(this HttpClient admin, string instanceId)
    {
        var response = await admin.GetAsync($"/api/workflow-instances/{instanceId}/journal");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"journal of {instanceId}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsArray();
    }

    /// <summary>The journal's completed WriteLine entries carrying <paramref name="text"/>: what the workflow wrote.</summary>
    public static List<JsonNode> Written(this JsonArray journal, string text) =>
    [
        .. journal.OfType<JsonNode>().Where(e => e["activityType"]?.GetValue<string>() == "Elsa.WriteLine"
                                                && e["eventName"]?.GetValue<string>() == "Completed"
                                                && e["message"]?.GetValue<string>() == text),
    ];

    /// <summary>Polls (250 ms steps) until <paramref name="condition"/> holds or <paramref name="timeout"/> passes; returns the last value.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (condition(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(250);
        }
    }
}
