using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bishan.Workflow.Infrastructure.Persistence;

/// <summary>
/// Sets the per-connection SQLite pragmas on every open: wait up to 5 s for the write lock instead of failing
/// with SQLITE_BUSY, fsync only at WAL checkpoints, and leave those checkpoints to <see cref="SqliteCheckpointer"/> unless
/// the log grows past 10,000 pages (about 40 MB; SQLite's default is 1,000, checked after every commit). WAL itself is a property of the file and is
/// switched on once by <see cref="DatabaseMigrator"/>. The only SQLite-specific SQL in the project.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    internal const string PerConnectionPragmas = "PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PerConnectionPragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = PerConnectionPragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
