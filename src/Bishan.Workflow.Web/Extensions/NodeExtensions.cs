using Bishan.Workflow.Infrastructure.Nodes;
using Bishan.Workflow.Infrastructure.Persistence;

namespace Bishan.Workflow.Web.Extensions;

/// <summary>
/// Runs the built app as one node: first the checks that only make sense for a real process (not for
/// <c>WebApplicationFactory</c>, which never calls this), each failing with one log line and an exit code
/// instead of a stack trace from deep in the start-up work.
/// </summary>
internal static partial class NodeExtensions
{
    public const int ExitDataDirectoryInUse = 2;
    public const int ExitDatabaseUnreachable = 3;

    /// <summary>
    /// Checks the node, begins its start-up work and, while that runs, maps the endpoints (<paramref name="map"/>) and
    /// runs the host, whose server starts in parallel with the work (issue 15, start-up).
    /// </summary>
    public static async Task<int> RunNodeAsync(this WebApplication app, Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var storage = app.Services.GetRequiredService<StorageSettings>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Bishan.Workflow.Node");

        // Held until the process ends; the OS releases it even on SIGKILL.
        using var directoryLock = storage.Database.IsPostgreSql ? null : DataDirectoryLock.TryAcquire(storage.DataDirectory);
        var failure = storage.Database.IsPostgreSql
            ? await CheckPostgreSqlAsync(storage)
            : directoryLock is null ? (ExitDataDirectoryInUse,
                $"The data directory {storage.DataDirectory} is already used by another process (lock file " +
                $"{Path.Combine(storage.DataDirectory, DataDirectoryLock.FileName)}); stop that process, or give this one " +
                "another Storage:DataDirectory. Several nodes need Storage:Provider=PostgreSql.") : null;
        if (failure is null && app.Services.GetRequiredService<MaintenanceSettings>().Problems is { Count: > 0 } problems)
            failure = (MaintenanceSettings.ExitInvalidSettings, "invalid settings: " + string.Join(" ", problems));
        if (failure is var (exitCode, message))
        {
            LogCannotStart(logger, message);
            // Flushes the console logger before the process ends.
            await app.DisposeAsync();
            return exitCode;
        }

        app.Services.GetRequiredService<Startup.StartupTasks>().Begin();
        map(app);
        await app.RunAsync();
        return 0;
    }

    private static async Task<(int, string)?> CheckPostgreSqlAsync(StorageSettings storage)
    {
        var bishan = storage.Database.ConnectionString;
        if (await DatabaseProbe.CheckPostgreSqlAsync(bishan) is { } reason)
            return (ExitDatabaseUnreachable,
                $"the PostgreSQL database in {StorageSettings.ConnectionStringKey} ({storage.Database.Describe()}) cannot be used: {reason}");

        var hangfire = storage.Scheduling.PostgreSqlConnectionString;
        if (hangfire is not null && hangfire != bishan && await DatabaseProbe.CheckPostgreSqlAsync(hangfire) is { } hangfireReason)
            return (ExitDatabaseUnreachable,
                $"the PostgreSQL database in {StorageSettings.HangfireConnectionStringKey} ({DatabaseOptions.PostgreSql(hangfire).Describe()}) " +
                $"cannot be used: {hangfireReason}");
        return null;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Cannot start: {Reason}")]
    private static partial void LogCannotStart(ILogger logger, string reason);
}
