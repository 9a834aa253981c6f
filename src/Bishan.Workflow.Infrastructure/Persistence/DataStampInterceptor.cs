using System.Data.Common;
using System.Runtime.CompilerServices;
using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bishan.Workflow.Infrastructure.Persistence;

/// <summary>
/// Bumps <see cref="DataStamp"/> for every write to cases or tasks, the one place that does (issue 15): a save that adds,
/// changes or removes a <see cref="Case"/> or <see cref="WorkTask"/> marks its context, and the transaction it belongs to
/// bumps the row just before it commits, so the new version and the new rows become visible together (a reader that sees
/// the new version also sees the rows). Bumping at the commit rather than at the save keeps the row locked only for that
/// moment on PostgreSQL, where concurrent writers queue on it. A save outside any transaction (a single statement, which
/// EF Core commits on its own) bumps right after it: a reader in between caches the new rows under the old version, which
/// the bump then retires, never the reverse.
/// </summary>
/// <remarks>
/// Writes that bypass the change tracker (<c>ExecuteUpdate</c>/<c>ExecuteDelete</c> on cases or tasks, raw SQL) are not seen
/// here: none exists today, and one added later must bump the stamp itself (<see cref="BumpSql"/>).
/// </remarks>
internal sealed class DataStampInterceptor : SaveChangesInterceptor, IDbTransactionInterceptor
{
    internal const string BumpSql = "UPDATE \"DataStamps\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = 1";

    // Contexts with a write to cases or tasks not yet stamped (pooled contexts are reused: the mark is cleared at every
    // commit, rollback and stamp).
    private static readonly ConditionalWeakTable<DbContext, object> Pending = [];
    private static readonly object Mark = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        MarkIfCasesOrTasksChange(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        MarkIfCasesOrTasksChange(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && Pending.Remove(context))
            context.Database.ExecuteSqlRaw(BumpSql);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && Pending.Remove(context))
            await context.Database.ExecuteSqlRawAsync(BumpSql, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        // Inside a transaction the mark stays until it commits or rolls back: an earlier save of it may have written.
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null) Pending.Remove(context);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is { } context && Pending.Remove(context))
        {
            using var command = Bump(transaction);
            command.ExecuteNonQuery();
        }
        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Pending.Remove(context))
        {
            await using var command = Bump(transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return result;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context) Pending.Remove(context);
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    private static DbCommand Bump(DbTransaction transaction)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = BumpSql;
        return command;
    }

    private static void MarkIfCasesOrTasksChange(DbContext? context)
    {
        if (context is null) return;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && entry.Entity is Case or WorkTask)
            {
                Pending.AddOrUpdate(context, Mark);
                return;
            }
        }
    }
}
