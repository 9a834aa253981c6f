using Bishan.Workflow.Engine.Expressions;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bishan.Workflow.IntegrationTests.Persistence;

/// <summary>
/// The persistence and runtime services on a real database of the selected provider (<see cref="TestDatabase"/>).
/// <see cref="ReopenAsync"/> builds a fresh container on the same database, which is what a process restart looks like.
/// </summary>
internal sealed class RuntimeHost : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private ServiceProvider _services;

    private RuntimeHost(TestDatabase database)
    {
        _database = database;
        _services = Build();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
    public RecordingScheduler Scheduler { get; } = new();
    public CrashSwitch Crash { get; } = new();

    public IWorkflowDefinitionService Definitions => _services.GetRequiredService<IWorkflowDefinitionService>();
    public IWorkflowRuntime Runtime => _services.GetRequiredService<IWorkflowRuntime>();
    public IWorkflowInstanceQueries Instances => _services.GetRequiredService<IWorkflowInstanceQueries>();

    /// <summary>Any registered service, internal ones included (for tests of the runtime's plumbing).</summary>
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<RuntimeHost> StartAsync()
    {
        var host = new RuntimeHost(await TestDatabase.CreateAsync("bishan-it"));
        await host._services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return host;
    }

    public async Task ReopenAsync()
    {
        await _services.DisposeAsync();
        TestDatabase.ClearPools();
        _services = Build();
    }

    public async Task<T> QueryAsync<T>(Func<BishanDbContext, Task<T>> query)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<BishanDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Imports and publishes; fails the test when the definition is refused.</summary>
    public async Task<DefinitionCommandResult> PublishAsync(string json)
    {
        var result = await Definitions.ImportAsync(json, publish: true, "test");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result;
    }

    /// <summary>The WriteLine messages of an instance's journal, in order.</summary>
    public async Task<IReadOnlyList<string?>> WriteLinesAsync(string instanceId) =>
        (await Instances.GetJournalAsync(instanceId))
        .Where(j => j.ActivityType == "Elsa.WriteLine" && j.EventName == "Completed")
        .Select(j => j.Message)
        .ToList();

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IWorkflowScheduler>(Scheduler);
        services.AddSingleton(Crash);

        // Real wall-clock limit for scripts; kept short so that the runaway-script test is quick.
        services.AddSingleton(new ExpressionLimits { Timeout = TimeSpan.FromMilliseconds(300), MaxStatements = int.MaxValue });
        services.AddWorkflowPersistence(_database.Options);
        services.AddWorkflowRuntime(typeof(RuntimeHost).Assembly);
        return services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
