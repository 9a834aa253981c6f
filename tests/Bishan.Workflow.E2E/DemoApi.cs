using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Bishan.Workflow.E2E;

/// <summary>
/// The REST API as one demo user (bearer token), for arranging what a browser test needs and the demo data lacks, such as
/// an approved subsidy. Arranges only: what the test checks goes through the pages.
/// </summary>
public sealed class DemoApi : IDisposable
{
    private readonly HttpClient _http;

    private DemoApi(HttpClient http) => _http = http;

    public static async Task<DemoApi> SignInAsync(AppFixture app, string userName)
    {
        var http = new HttpClient { BaseAddress = app.BaseAddress };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { userName, password = AppFixture.DemoPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new DemoApi(http);
    }

    public async Task<JsonNode> GetAsync(string path)
    {
        var response = await _http.GetAsync(path);
        return await ReadAsync(response, path);
    }

    public async Task<JsonNode> PostAsync(string path, object? body)
    {
        var response = body is null ? await _http.PostAsync(path, null) : await _http.PostAsJsonAsync(path, body);
        return await ReadAsync(response, path);
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response, string path)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
        return string.IsNullOrEmpty(text) ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public void Dispose() => _http.Dispose();
}
