using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Infrastructure.Outbox;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bishan.Workflow.Infrastructure.Transactions;

/// <summary>
/// One transaction per use case: the use case's own rows, every workflow pass it causes (instance, bookmarks, journal,
/// domain effects) and its outbox rows commit together or not at all. While it runs it is the ambient unit of work
/// (<see cref="Current"/>), so the runtime's passes join its connection and transaction (each pass in a savepoint)
/// instead of committing on their own. A transient failure (<see cref="TransientFailures"/>) runs the whole use case
/// again; after the commit the outbox rows it wrote are dispatched at once (timers by the dispatcher's pump,
/// <see cref="OutboxDispatcher.Post"/>, without the use case waiting for them).
/// </summary>
/// <remarks>
/// On SQLite the transaction begins IMMEDIATE (Microsoft.Data.Sqlite's default), so it holds the single write lock from
/// the start and never fails half-way on a stale snapshot; on PostgreSQL it runs at READ COMMITTED and read-check-write
/// sections take row locks (<c>ICasesDbContext.LockRowAsync</c>).
/// </remarks>
public sealed partial class UnitOfWork(BishanDbContext db, OutboxDispatcher outbox, ILogger<UnitOfWork> logger) : IAsyncDisposable
{
    private static readonly AsyncLocal<UnitOfWork?> Ambient = new();
    private readonly List<string> _outboxIds = [];
    private readonly List<string> _postedIds = [];
    private RuntimeSession? _session;

    /// <summary>The unit of work running in this async flow, if any.</summary>
    public static UnitOfWork? Current => Ambient.Value;

    public BishanDbContext Db => db;

    /// <summary>The runtime's session on this unit's connection and transaction (created on first use).</summary>
    internal RuntimeSession Session => _session ??= RuntimeSession.Join(db);

    /// <summary>
    /// Outbox rows written in this transaction: <paramref name="inline"/> are carried out once it has committed, before
    /// the use case returns; <paramref name="posted"/> (timers) are handed to the dispatcher's pump then, and the use case
    /// returns without waiting for them.
    /// </summary>
    internal void AddOutbox(IEnumerable<string> inline, IEnumerable<string> posted)
    {
        _outboxIds.AddRange(inline);
        _postedIds.AddRange(posted);
    }

    public async ValueTask<T> RunAsync<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken ct)
    {
        // A use case called from another joins its transaction.
        if (Ambient.Value is not null) return await work(ct);
        try
        {
            var result = await TransientRetry.RunAsync(() => AttemptAsync(work, ct), ct);
            outbox.Post([.. _postedIds]);
            await outbox.DispatchAsync([.. _outboxIds]);
            return result;
        }
        catch
        {
            await KeepRefusalAuditsAsync();
            throw;
        }
    }

    /// <summary>One run of the use case in a fresh transaction, as the ambient unit of work of its async flow.</summary>
    private async Task<T> AttemptAsync<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        _outboxIds.Clear();
        _postedIds.Clear();
        Ambient.Value = this;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var result = await work(ct);
            if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return result;
        }
        finally
        {
            Ambient.Value = null;
        }
    }

    /// <summary>
    /// A refused workflow step answers 409 and writes nothing, but who tried it stays on the audit log: those entries are
    /// written again, on their own, after the rollback.
    /// </summary>
    private async Task KeepRefusalAuditsAsync()
    {
        var refusals = db.ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.Entity.Action == AuditActions.WorkflowRefused)
            .Select(e => e.Entity)
            .ToList();
        db.ChangeTracker.Clear();
        if (refusals.Count == 0) return;
        foreach (var entry in refusals)
        {
            entry.Id = default;
            db.AuditEntries.Add(entry);
        }
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            LogRefusalAuditLost(logger, ex);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public ValueTask DisposeAsync()
    {
        _session?.DisposeCommands();
        _session = null;
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit entry of a refused workflow step could not be written")]
    private static partial void LogRefusalAuditLost(ILogger logger, Exception exception);
}
