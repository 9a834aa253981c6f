using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Infrastructure.Persistence;

/// <summary>Brings the database to the latest migration (start-up and tests). Never EnsureCreated: it bypasses migrations.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<BishanDbContext> factory)
{
    /// <summary>Whether the last <see cref="MigrateAsync"/> found every migration applied and left the database alone.</summary>
    public bool LastFoundUpToDate { get; private set; }

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

        // The start of an existing database (issue 15): one read of the history table instead of Migrate's work, which
        // builds the design-time model and compares it with the last migration's snapshot before it looks at the history
        // (about a second and a half of CPU on every start). Any migration of this build missing from the history, a
        // new one included, still goes through Migrate below, under its lock.
        LastFoundUpToDate = await IsUpToDateAsync(db, ct);
        if (LastFoundUpToDate) return;
        await db.Database.MigrateAsync(ct);
    }

    private static async Task<bool> IsUpToDateAsync(BishanDbContext db, CancellationToken ct)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return applied.Count > 0 && db.Database.GetMigrations().All(applied.Contains);
    }
}
