using Bishan.Workflow.Infrastructure.Persistence;
using Medallion.Threading.Postgres;
using Microsoft.Extensions.Logging;

namespace Bishan.Workflow.Infrastructure.Nodes;

/// <summary>
/// Serialises the start-up work (migrations, Hangfire schema, seeding, workflow imports, schedule reconciliation,
/// recovery) between the nodes that share one database, so that nodes started at the same moment do it one after
/// the other: the first does the work, the others find it done. The work itself must stay idempotent.
/// </summary>
public interface IStartupLock
{
    /// <summary>Waits for the lock; dispose the handle to release it.</summary>
    Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken);
}

/// <summary>
/// PostgreSQL: a session-level advisory lock on <c>ConnectionStrings:Bishan</c>. PostgreSQL releases it when the
/// holder's connection ends, so a node that dies during start-up does not block the others.
/// </summary>
internal sealed partial class PostgresStartupLock(DatabaseOptions database, ILogger<PostgresStartupLock> logger) : IStartupLock
{
    /// <summary>Fixed for every node and version: "Bishan" in ASCII, then 1 for the start-up work.</summary>
    internal static readonly PostgresAdvisoryLockKey Key = new(0x4269_7368_616E_0001);

    /// <summary>Migrations and the demo data take seconds; a wait this long means the holder hangs.</summary>
    private static readonly TimeSpan WaitLimit = TimeSpan.FromMinutes(5);

    public async Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        // A fresh database may not exist yet, and the lock needs a connection to it before EF could create it.
        await PostgresDatabase.EnsureExistsAsync(database.ConnectionString, cancellationToken);
        var distributedLock = new PostgresDistributedLock(Key, database.ConnectionString);
        if (await distributedLock.TryAcquireAsync(TimeSpan.Zero, cancellationToken) is { } handle) return handle;

        LogWaiting(logger);
        return await distributedLock.TryAcquireAsync(WaitLimit, cancellationToken)
               ?? throw new TimeoutException(
                   $"Another node held the start-up lock (advisory lock {Key}) for more than {WaitLimit.TotalMinutes} minutes.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Another node is doing the start-up work; waiting for it to finish")]
    private static partial void LogWaiting(ILogger logger);
}

/// <summary>
/// SQLite: the data directory belongs to one process (<see cref="DataDirectoryLock"/>) and a host runs its start-up
/// work once, so nothing else can compete; an in-process gate keeps the contract without touching the files.
/// </summary>
internal sealed class InProcessStartupLock : IStartupLock, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    public async Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Release(_gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
