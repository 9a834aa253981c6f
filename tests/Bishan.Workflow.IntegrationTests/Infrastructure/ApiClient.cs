using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Bishan.Workflow.IntegrationTests.Infrastructure;

/// <summary>The HTTP calls the facts repeat, asserting success where a failure would only hide the real assertion.</summary>
internal static class ApiClient
{
    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, string json, bool publish = true) =>
        client.ImportAsync(Encoding.UTF8.GetBytes(json), publish);

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, byte[] body, bool publish = true)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return client.PostAsync($"/api/workflow-definitions/import{(publish ? "" : "?publish=false")}", content);
    }

    public static async Task<JsonObject> ImportOkAsync(this HttpClient client, string json, bool publish = true)
    {
        var response = await client.ImportAsync(json, publish);
        return await response.ReadOkAsync();
    }

    public static async Task<JsonObject> ExecuteAsync(this HttpClient client, string definitionId, object? body = null)
    {
        var response = await client.PostAsJsonAsync($"/api/workflow-definitions/{definitionId}/execute", body ?? new { });
        return await response.ReadOkAsync();
    }

    public static async Task<JsonObject> GetInstanceAsync(this HttpClient client, string instanceId) =>
        await (await client.GetAsync($"/api/workflow-instances/{instanceId}")).ReadOkAsync();

    public static async Task<JsonArray> GetJournalAsync(this HttpClient client, string instanceId)
    {
        var response = await client.GetAsync($"/api/workflow-instances/{instanceId}/journal");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    public static async Task<List<string>> JournalMessagesAsync(this HttpClient client, string instanceId) =>
        [.. (await client.GetJournalAsync(instanceId)).Select(e => e!["message"]?.GetValue<string>()).OfType<string>()];

    public static async Task<JsonArray> ListInstancesAsync(this HttpClient client, string definitionId)
    {
        var response = await client.GetAsync($"/api/workflow-instances?definitionId={definitionId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    public static async Task<JsonObject> ReadOkAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<JsonObject> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Polls (200 ms steps) until <paramref name="condition"/> holds or <paramref name="timeout"/> passes.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (condition(value)) return value;
            if (DateTime.UtcNow > deadline) return value;
            await Task.Delay(200);
        }
    }
}
