using System.Data.Common;
using Bishan.Workflow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>
/// Where one pass is written: its own transaction when the runtime is called on its own (a timer job, the engine API),
/// or a savepoint of the use case's transaction when a use case called it, so that the pass commits with the use case
/// or not at all. Rolling back undoes the pass only; committing either commits or releases the savepoint.
/// </summary>
internal sealed class PassTransaction : IAsyncDisposable
{
    private const string Savepoint = "workflow_pass";
    private readonly IDbContextTransaction _transaction;
    private readonly bool _owned;
    private bool _done;

    private PassTransaction(IDbContextTransaction transaction, bool owned)
    {
        _transaction = transaction;
        _owned = owned;
    }

    public DbTransaction DbTransaction => _transaction.GetDbTransaction();

    /// <summary>Whether the pass joined a use case's transaction (then its outbox rows are dispatched by that use case).</summary>
    public bool IsJoined => !_owned;

    public static async Task<PassTransaction> BeginAsync(BishanDbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is { } ambient)
        {
            // What the use case changed so far must be in the database before the pass's effects read it.
            if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
            // Where statements can be batched (PostgreSQL), the savepoint goes with the pass's first writes instead of
            // taking a round trip of its own (TakePendingSavepoint).
            if (db.Database.GetDbConnection().CanCreateBatch)
                return new PassTransaction(ambient, owned: false) { _savepointPending = true };
            await ambient.CreateSavepointAsync(Savepoint, ct);
            return new PassTransaction(ambient, owned: false);
        }
        return new PassTransaction(await db.Database.BeginTransactionAsync(ct), owned: true);
    }

    private bool _savepointPending;

    /// <summary>
    /// The statement that opens the pass's savepoint, when it was left for the caller to send first in its first round
    /// trip; null when there is none to open (an own transaction, or a savepoint already open).
    /// </summary>
    public string? TakePendingSavepoint()
    {
        if (!_savepointPending) return null;
        _savepointPending = false;
        return $"SAVEPOINT {Savepoint}";
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        _done = true;
        if (_savepointPending) return;
        if (_owned) await _transaction.CommitAsync(ct);
        else await _transaction.ReleaseSavepointAsync(Savepoint, ct);
    }

    public async Task RollbackAsync(CancellationToken ct)
    {
        _done = true;
        // The savepoint was never sent, nor anything after it: nothing to undo.
        if (_savepointPending) return;
        if (_owned) await _transaction.RollbackAsync(ct);
        else await _transaction.RollbackToSavepointAsync(Savepoint, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_done) await RollbackAsync(CancellationToken.None);
        if (_owned) await _transaction.DisposeAsync();
    }
}
