using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bishan.Workflow.Infrastructure.Persistence;

/// <summary>Brings the database to the latest migration (start-up and tests). Never EnsureCreated: it bypasses migrations.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<BishanDbContext> factory)
{
    /// <summary>The SQL of every migration from an empty database, beside each provider's migrations (see <see cref="FreshDatabaseScript"/>).</summary>
    public const string FreshDatabaseScriptResource = "FreshDatabase.sql";

    /// <summary>Whether the last <see cref="MigrateAsync"/> found every migration applied and left the database alone.</summary>
    public bool LastFoundUpToDate { get; private set; }

    /// <summary>Whether the last <see cref="MigrateAsync"/> created the schema of an empty database from the stored script.</summary>
    public bool LastRanFreshDatabaseScript { get; private set; }

    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        LastRanFreshDatabaseScript = false;
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
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var migrations = db.Database.GetMigrations().ToList();
        LastFoundUpToDate = applied.Count > 0 && migrations.All(applied.Contains);
        if (LastFoundUpToDate) return;

        // An empty database (issue 15, the first start): the stored SQL of every migration, when it is this build's, runs
        // as it is. Migrate would generate the same SQL first, building each migration's target model to do it: about
        // four fifths of its time on an empty database.
        if (applied.Count == 0 && FreshDatabaseScript(db, migrations) is { } script)
        {
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(ct)) await creator.CreateAsync(ct);
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = script;
                command.CommandTimeout = 300;
                await command.ExecuteNonQueryAsync(ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
            LastRanFreshDatabaseScript = true;
            return;
        }
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>
    /// The script EF Core generates from no migration to the last one (<c>IMigrator.GenerateScript()</c>: each migration in
    /// its transaction, with its history row), stored as an embedded resource of the provider's migrations assembly; null
    /// when there is none or it does not end with this build's last migration (then Migrate does the work). Tests check
    /// that the stored script is exactly what EF Core generates and that it builds the same schema as Migrate.
    /// </summary>
    public static string? FreshDatabaseScript(BishanDbContext db, IReadOnlyList<string> migrations)
    {
        if (migrations.Count == 0) return null;
        var assembly = db.GetService<IMigrationsAssembly>().Assembly;
        using var stream = assembly.GetManifestResourceStream(FreshDatabaseScriptResource);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd();
        return script.Contains($"'{migrations[^1]}'", StringComparison.Ordinal) ? script : null;
    }
}
