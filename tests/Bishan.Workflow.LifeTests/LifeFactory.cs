using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Bishan.Workflow.LifeTests;

/// <summary>
/// The whole app on a fake clock: a fresh database of the selected provider (<see cref="TestDatabase"/>), the shipped
/// <c>workflows/</c>, demo users, and the <see cref="FakeClockScheduler"/> in place of Hangfire's delivery,
/// so months pass in milliseconds.
/// </summary>
public sealed class LifeFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Bishan#2026life";

    // A Monday morning in Chongqing (UTC+8), before the weekly consultation.
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 22, 0, 0, TimeSpan.Zero));
    public FakeClockScheduler Scheduler { get; }
    private TestDatabase? _database;

    /// <summary>The app's <c>Storage:DataDirectory</c>; it holds the database files on SQLite only.</summary>
    public string DataDirectory => (_database ?? throw new InvalidOperationException("The factory is not initialised yet.")).Folder;

    public LifeFactory() => Scheduler = new FakeClockScheduler(Time);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Workflows:Path", Path.Combine(RepositoryRoot(), "workflows"));
        builder.UseSetting("Seed:DemoPassword", Password);
        foreach (var (key, value) in _database!.WebSettings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            services.RemoveAll<IWorkflowScheduler>();
            services.AddSingleton<IWorkflowScheduler>(Scheduler);
        });
    }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("bishan-life");
        _ = Server;
        Scheduler.Services = Services;
    }

    /// <summary>A client logged in as a demo user; log in again after moving the clock (tokens expire).</summary>
    public async Task<HttpClient> LoginAsync(string userName)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bishan.Workflow.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Bishan.Workflow.sln not found.");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}
