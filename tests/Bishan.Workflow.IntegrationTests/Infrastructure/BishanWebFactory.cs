using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Bishan.Workflow.IntegrationTests.Infrastructure;

/// <summary>
/// The whole app once per test run: real SQLite files in a temporary data directory, a real Hangfire server,
/// Development environment (demo admin seeded), and an empty workflows folder so only the tests' own imports exist.
/// </summary>
public sealed class BishanWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "Bishan#2026test";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "bishan-it-" + Guid.NewGuid().ToString("N"));
    public string WorkflowsDirectory => Path.Combine(DataDirectory, "workflows-empty");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: Program reads these before Build().
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Workflows:Path", WorkflowsDirectory);
        builder.UseSetting("Seed:DemoPassword", AdminPassword);
    }

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkflowsDirectory);
        _ = Server; // start the host (migrations, seed, Hangfire server) before the first test
        return Task.CompletedTask;
    }

    public async Task<HttpClient> CreateClientAsync(string userName, string password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<HttpClient> CreateAdminClientAsync() => CreateClientAsync("admin", AdminPassword);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite pools may hold a handle a moment longer; the OS cleans the temp folder.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<BishanWebFactory>
{
    public const string Name = "app";
}
