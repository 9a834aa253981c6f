using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Infrastructure.Persistence;

/// <summary>Brings the database to the latest migration (start-up and tests). Never EnsureCreated: it bypasses migrations.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<BishanDbContext> factory)
{
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL is stored in the file: readers no longer block the writer, for every later connection.
            var directory = Path.GetDirectoryName(db.Database.GetDbConnection().DataSource);
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        await db.Database.MigrateAsync(ct);
    }
}
