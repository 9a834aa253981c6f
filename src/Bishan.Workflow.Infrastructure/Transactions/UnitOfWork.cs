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
/// again; after the commit the outbox rows it wrote are dispatched at once.
/// </summary>
/// <remarks>
/// On SQLite the transaction begins IMMEDIATE (Microsoft.Data.Sqlite's default), so it holds the single write lock from
/// the start and never fails half-way on a stale snapshot; on PostgreSQL it runs at READ COMMITTED and read-check-write
/// sections take row locks (<c>ICasesDbContext.LockRowAsync</c>).
/// </remarks>
public sealed class UnitOfWork(BishanDbContext db, OutboxDispatcher outbox, ILogger<UnitOfWork> logger) : IAsyncDisposable
{
    internal const int MaxAttempts = 6;

    private static readonly AsyncLocal<UnitOfWork?> Ambient = new();
    private readonly List<string> _outboxIds = [];
    private RuntimeSession? _session;

    /// <summary>The unit of work running in this async flow, if any.</summary>
    public static UnitOfWork? Current => Ambient.Value;

    public BishanDbContext Db => db;

    /// <summary>The runtime's session on this unit's connection and transaction (created on first use).</summary>
    internal RuntimeSession Session => _session ??= RuntimeSession.Join(db);

    /// <summary>Outbox rows written in this transaction, dispatched once it has committed.</summary>
    internal void AddOutbox(IEnumerable<string> ids) => _outboxIds.AddRange(ids);

    public async ValueTask<T> RunAsync<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken ct)
    {
        // A use case called from another joins its transaction.
        if (Ambient.Value is not null) return await work(ct);

        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            _outboxIds.Clear();
            Ambient.Value = this;
            try
            {
                T result;
                await using (var tx = await db.Database.BeginTransactionAsync(ct))
                {
                    result = await work(ct);
                    if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                }
                Ambient.Value = null;
                await outbox.DispatchAsync([.. _outboxIds], ct);
                return result;
            }
            catch (Exception ex) when (attempt < MaxAttempts && TransientFailures.IsTransient(ex) && !ct.IsCancellationRequested)
            {
                logger.LogDebug("Use case attempt {Attempt} ran into {Error}; running it again", attempt, ex.GetType().Name);
                Ambient.Value = null;
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), ct);
            }
            catch
            {
                Ambient.Value = null;
                await KeepRefusalAuditsAsync();
                throw;
            }
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
            logger.LogWarning(ex, "The audit entry of a refused workflow step could not be written");
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
}
