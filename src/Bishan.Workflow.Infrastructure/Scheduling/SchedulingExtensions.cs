using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Persistence;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bishan.Workflow.Infrastructure.Scheduling;

/// <param name="SqliteFilePath">
/// A plain file path (Hangfire.Storage.SQLite does not take <c>Data Source=</c>). Only one process may use a file:
/// the storage claims jobs under an in-process lock, so two processes on one file run jobs twice.
/// </param>
/// <param name="PostgreSqlConnectionString">The scale-out path: several servers may share one PostgreSQL database.</param>
/// <param name="InvisibilityTimeout">
/// How long a fetched job stays invisible to other workers (<c>Hangfire:InvisibilityTimeout</c>); null for
/// <see cref="DefaultInvisibilityTimeout"/>. A job fetched by a process that died runs again once this has passed.
/// </param>
public sealed record WorkflowSchedulingOptions(
    StorageProvider Provider,
    string? SqliteFilePath,
    string? PostgreSqlConnectionString = null,
    int WorkerCount = 4,
    TimeSpan? InvisibilityTimeout = null)
{
    /// <summary>
    /// Both storages default to 30 minutes, so a job held by a dead process would wait half an hour. Our jobs
    /// (resume a bookmark, start a workflow) take milliseconds and are idempotent (a burned bookmark is a no-op),
    /// so 30 s brings an interrupted job back within a minute at no risk.
    /// </summary>
    public static readonly TimeSpan DefaultInvisibilityTimeout = TimeSpan.FromSeconds(30);

    public TimeSpan EffectiveInvisibilityTimeout => InvisibilityTimeout ?? DefaultInvisibilityTimeout;
}

public static class SchedulingExtensions
{
    /// <summary>Hangfire on its own SQLite file (never the EF database file, never shared between processes).</summary>
    private static readonly Lock GlobalFilterLock = new();

    public static IServiceCollection AddWorkflowScheduling(this IServiceCollection services, string hangfireSqliteFilePath) =>
        services.AddWorkflowScheduling(new WorkflowSchedulingOptions(StorageProvider.Sqlite, hangfireSqliteFilePath));

    /// <summary>
    /// Hangfire storage, client and server, the <see cref="IWorkflowScheduler"/> and the start-up
    /// <see cref="ScheduleReconciler"/>. The server starts after the host has started (<see cref="DeferredHangfireServer"/>,
    /// after an <see cref="IHangfireServerStartGate"/> if one is registered): register start-up work that must run before
    /// it (migrations, reconciliation) as an <c>IHostedLifecycleService.StartingAsync</c> or before calling this.
    /// </summary>
    public static IServiceCollection AddWorkflowScheduling(this IServiceCollection services, WorkflowSchedulingOptions options)
    {
        services.AddHangfire((sp, config) =>
        {
            // Hangfire's filters are global: one telemetry filter per process, however many hosts it builds.
            // Hosts built side by side (tests, two nodes in one process) configure at once: check and add under one lock.
            lock (GlobalFilterLock)
            {
                if (!GlobalJobFilters.Filters.Any(f => f.Instance is JobTelemetry))
                    config.UseFilter(new JobTelemetry(sp.GetService<TimeProvider>() ?? TimeProvider.System));
            }
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            switch (options.Provider)
            {
                case StorageProvider.PostgreSql:
                    if (string.IsNullOrWhiteSpace(options.PostgreSqlConnectionString))
                        throw new InvalidOperationException("Storage:Provider is PostgreSql but no Hangfire PostgreSQL connection string is set.");
                    config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(options.PostgreSqlConnectionString),
                        new PostgreSqlStorageOptions
                        {
                            QueuePollInterval = TimeSpan.FromMilliseconds(500),
                            SchemaName = HangfireSchemaInstaller.SchemaName,
                            // Installed once under the start-up lock (HangfireSchemaInstaller): two nodes installing
                            // it together collide with 23505 in 1.21.
                            PrepareSchemaIfNecessary = false,
                            // A fetched job row carries "fetchedat"; other nodes take it again once it is older than
                            // InvisibilityTimeout. The sliding variant has each live server refresh "fetchedat" of
                            // its running jobs every InvisibilityTimeout / 5 (a storage heartbeat process, full
                            // servers only), so a long job on a live node is never taken twice, while a job held
                            // by a node that died is visible again InvisibilityTimeout (30 s) after its last refresh.
                            InvisibilityTimeout = options.EffectiveInvisibilityTimeout,
                            UseSlidingInvisibilityTimeout = true,
                        });
                    break;
                default:
                    if (string.IsNullOrWhiteSpace(options.SqliteFilePath))
                        throw new InvalidOperationException("The Hangfire SQLite file path is empty.");
                    var directory = Path.GetDirectoryName(Path.GetFullPath(options.SqliteFilePath));
                    if (directory is not null) Directory.CreateDirectory(directory);
                    // The default poll (15 s) would let a 5-second delay fire up to 15 s late.
                    config.UseStorage(new SQLiteStorage(HangfireSqliteConnections.Factory(Path.GetFullPath(options.SqliteFilePath)),
                        new SQLiteStorageOptions
                        {
                            QueuePollInterval = TimeSpan.FromMilliseconds(500),
                            // 0.4.3 has no sliding variant: a job fetched before a crash or kill is taken again
                            // InvisibilityTimeout after its fetch, i.e. within 30 s of the restart. A job running
                            // longer than that would be taken a second time by another worker; ours take
                            // milliseconds and are idempotent.
                            InvisibilityTimeout = options.EffectiveInvisibilityTimeout,
                        }));
                    break;
            }
        });
        services.AddDeferredHangfireServer(server =>
        {
            // Delayed jobs (timer bookmarks) and recurring jobs are picked up once a second instead of every 15 s.
            server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            server.WorkerCount = options.WorkerCount;
        });

        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<WorkflowJobs>();
        services.AddSingleton<HangfireWorkflowScheduler>();
        services.RemoveAll<IWorkflowScheduler>();
        services.AddSingleton<IWorkflowScheduler>(sp => sp.GetRequiredService<HangfireWorkflowScheduler>());
        services.AddSingleton<ScheduleReconciler>();
        services.AddSingleton(options);
        services.AddSingleton<HangfireSchemaInstaller>();
        services.AddSingleton<IScheduleSource, StoredScheduleSource>();
        return services;
    }

    /// <summary>
    /// Hangfire's server as <see cref="DeferredHangfireServer"/>: the hosted service <c>AddHangfireServer</c> registers is
    /// taken out again and created, with the same factory, once the host has started.
    /// </summary>
    private static void AddDeferredHangfireServer(this IServiceCollection services, Action<BackgroundJobServerOptions> configure)
    {
        var before = services.Count;
        services.AddHangfireServer(configure);
        var added = services.Skip(before)
            .Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && d.ImplementationFactory is not null)
            .ToList();
        if (added.Count != 1)
            throw new InvalidOperationException("AddHangfireServer no longer registers one hosted service made by a factory.");
        var server = added[0];
        services.Remove(server);
        var create = server.ImplementationFactory!;
        services.AddSingleton<DeferredHangfireServer>(sp => new DeferredHangfireServer(
            create, sp, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<DeferredHangfireServer>>()));
        services.AddHostedService(sp => sp.GetRequiredService<DeferredHangfireServer>());
    }
}
