using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bishan.Workflow.Infrastructure.Persistence;

/// <summary>
/// Copies SQLite's write-ahead log into the database file in the background, once a second (a passive checkpoint, which
/// never blocks readers or the writer). SQLite otherwise does it inside whichever commit finds the log over 1,000 pages,
/// and that commit then waits for the copy and two disk syncs: several milliseconds added to an unlucky request, and on a
/// busy database to many (issue 15). The app's connections raise that threshold instead of turning it off
/// (<see cref="SqlitePragmaInterceptor"/>), so the log still stays bounded if this service falls behind. PostgreSQL: nothing.
/// </summary>
internal sealed partial class SqliteCheckpointer(
    DatabaseOptions database,
    IDbContextFactory<BishanDbContext> contexts,
    TimeProvider time,
    Nodes.NodeReadiness readiness,
    ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Provider != StorageProvider.Sqlite) return;
        // Not before the start-up work has made the file WAL and migrated it.
        if (!await readiness.WaitAsync(stoppingToken)) return;
        using var timer = new PeriodicTimer(Tick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckpointAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The commits' own checkpoint (at the raised threshold) still bounds the log.
                    LogCheckpointFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    /// <summary>One passive checkpoint on a connection of its own.</summary>
    internal async Task CheckpointAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background checkpoint of the SQLite log failed; trying again")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
