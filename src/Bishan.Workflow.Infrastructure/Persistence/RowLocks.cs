using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Infrastructure.Persistence;

/// <summary>
/// Row locks for read-check-write sections (a budget line's balance, one running workflow per case). On PostgreSQL a
/// <c>SELECT … FOR UPDATE</c> in the use case's transaction makes concurrent callers on any node wait for each other;
/// on SQLite the use case's transaction already holds the database's single write lock (BEGIN IMMEDIATE), so nothing
/// is needed. Outside a transaction the lock would end with its statement, so that is refused.
/// </summary>
internal static class RowLocks
{
    public static async Task LockAsync<TEntity>(BishanDbContext db, object id, CancellationToken ct) where TEntity : class
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException($"A row lock on {typeof(TEntity).Name} needs the use case's transaction.");
        if (!db.Database.IsNpgsql()) return;
        var entity = db.Model.FindEntityType(typeof(TEntity))
                     ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName();
        var sql = $"SELECT 1 FROM \"{entity.GetTableName()}\" WHERE \"{key}\" = {{0}} FOR UPDATE";
        await db.Database.ExecuteSqlRawAsync(sql, [id], ct);
    }

    /// <summary>Class id of the transaction-scoped advisory locks taken by name (the name's hash is the object id).</summary>
    private const int NamedLockClass = 0x42534E4C; // "BSNL"

    /// <summary>
    /// A named lock for a read-check-write with no row to lock yet: on PostgreSQL a transaction-scoped advisory lock (released
    /// at commit or rollback); on SQLite nothing, the transaction already holds the database's single write lock.
    /// </summary>
    public static async Task LockNameAsync(BishanDbContext db, string name, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException($"The lock '{name}' needs the use case's transaction.");
        if (!db.Database.IsNpgsql()) return;
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, hashtext({1}))", [NamedLockClass, name], ct);
    }
}
