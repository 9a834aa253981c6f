using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Bishan.Workflow.IntegrationTests.Infrastructure;

/// <summary>
/// The whole app once per test run: a fresh database of the selected provider (<see cref="TestDatabase"/>: SQLite files
/// in a temporary data directory, or a throwaway PostgreSQL database), a real Hangfire server, Development environment
/// (demo admin seeded), and an empty workflows folder so only the tests' own imports exist.
/// </summary>
public sealed class BishanWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "Bishan#2026test";

    private TestDatabase? _database;

    internal TestDatabase Database => _database ?? throw new InvalidOperationException("The factory is not initialised yet.");

    /// <summary>The app's <c>Storage:DataDirectory</c>; it holds the database files on SQLite only.</summary>
    public string DataDirectory => Database.Folder;

    public string WorkflowsDirectory => Path.Combine(DataDirectory, "workflows-empty");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: Program reads these before Build().
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Workflows:Path", WorkflowsDirectory);
        builder.UseSetting("Seed:DemoPassword", AdminPassword);
        foreach (var (key, value) in Database.WebSettings) builder.UseSetting(key, value);
    }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("bishan-it");
        Directory.CreateDirectory(WorkflowsDirectory);
        _ = Server; // start the host (migrations, seed, Hangfire server) before the first test
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
        if (_database is not null) await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollectionDefinition : ICollectionFixture<BishanWebFactory>
{
    public const string Name = "app";
}
