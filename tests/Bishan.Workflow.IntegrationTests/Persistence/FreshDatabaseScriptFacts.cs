using System.Data.Common;
using System.Text;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.IntegrationTests.Nodes;
using Bishan.Workflow.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Bishan.Workflow.IntegrationTests.Persistence;

/// <summary>
/// An empty database gets its schema from the stored SQL of every migration (<c>FreshDatabase.sql</c> beside each
/// provider's migrations, issue 15's first start) instead of Migrate generating that SQL first. These facts fail when
/// the stored script is not exactly what EF Core generates for this build's migrations (regenerate it: root README,
/// "Persistence notes"), and when a database built from it differs from one built by Migrate.
/// </summary>
public sealed class FreshDatabaseScriptFacts
{
    /// <summary>Set to 1 to write the generated scripts into the source tree instead of comparing them.</summary>
    public const string WriteVariable = "BISHAN_WRITE_FRESH_DATABASE_SCRIPTS";

    public static TheoryData<StorageProvider> Providers => [StorageProvider.Sqlite, StorageProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public void StoredScript_IsWhatEfCoreGeneratesForThisBuildsMigrations(StorageProvider provider)
    {
        using var db = Context(provider);
        var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Default);
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            File.WriteAllText(SourcePath(provider), generated);
            return;
        }

        var stored = DatabaseMigrator.FreshDatabaseScript(db, db.Database.GetMigrations().ToList());
        Assert.True(stored is not null, $"The stored {provider} script does not end with this build's last migration: " +
                                        $"run this test with {WriteVariable}=1 (root README, \"Persistence notes\").");
        Assert.True(string.Equals(generated, stored, StringComparison.Ordinal),
            $"The stored {provider} script differs from what EF Core generates: run this test with {WriteVariable}=1.");
    }

    [Fact]
    public async Task AnEmptyDatabase_GetsTheSameSchemaFromTheScript_AsFromMigrate()
    {
        await using var scripted = await TestDatabase.CreateAsync("bishan-fresh-script");
        await using var migrated = await TestDatabase.CreateAsync("bishan-fresh-migrate");
        await using var scriptedServices = Services(scripted);
        await using var migratedServices = Services(migrated);

        var migrator = scriptedServices.GetRequiredService<DatabaseMigrator>();
        await migrator.MigrateAsync();
        Assert.True(migrator.LastRanFreshDatabaseScript);
        await using (var db = await Factory(migratedServices).CreateDbContextAsync())
            await db.Database.MigrateAsync();

        await using var left = await Factory(scriptedServices).CreateDbContextAsync();
        await using var right = await Factory(migratedServices).CreateDbContextAsync();
        Assert.Empty(await left.Database.GetPendingMigrationsAsync());
        Assert.Equal(await right.Database.GetAppliedMigrationsAsync(), await left.Database.GetAppliedMigrationsAsync());
        var schema = await SchemaAsync(left);
        Assert.Contains("WorkflowJournal", schema, StringComparison.Ordinal);
        Assert.Equal(await SchemaAsync(right), schema);

        // The next start finds it up to date, and the app's tables work.
        TestDatabase.ClearPools();
        await migrator.MigrateAsync();
        Assert.True(migrator.LastFoundUpToDate);
        Assert.False(migrator.LastRanFreshDatabaseScript);
        Assert.Equal(0, await left.WorkTasks.CountAsync());
    }

    [Fact]
    public async Task ADatabaseWithSomeMigrations_IsMigratedAsBefore_NotScripted()
    {
        await using var database = await TestDatabase.CreateAsync("bishan-fresh-partial");
        await using var services = Services(database);
        await using (var db = await Factory(services).CreateDbContextAsync())
            await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().First());

        var migrator = services.GetRequiredService<DatabaseMigrator>();
        await migrator.MigrateAsync();

        Assert.False(migrator.LastRanFreshDatabaseScript);
        await using var after = await Factory(services).CreateDbContextAsync();
        Assert.Empty(await after.Database.GetPendingMigrationsAsync());
    }

    /// <summary>Tables, columns, indexes and constraints as the database reports them (EF Core's own lock table left out).</summary>
    private static async Task<string> SchemaAsync(BishanDbContext db)
    {
        var queries = db.Database.IsSqlite()
            ? new[] { "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsLock' ORDER BY type, name" }
            :
            [
                "SELECT table_schema, table_name, column_name, data_type, is_nullable, column_default, character_maximum_length FROM information_schema.columns " +
                "WHERE table_schema = current_schema() ORDER BY 1, 2, 3",
                "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1, 2",
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint " +
                "WHERE connamespace = current_schema()::regnamespace ORDER BY 1, 2",
                "SELECT sequence_name, data_type FROM information_schema.sequences WHERE sequence_schema = current_schema() ORDER BY 1",
            ];
        var text = new StringBuilder();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var query in queries)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = query;
                await using DbDataReader reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                        text.Append(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append(" | ");
                    text.AppendLine();
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return text.ToString();
    }

    private static BishanDbContext Context(StorageProvider provider)
    {
        var database = provider == StorageProvider.PostgreSql
            ? DatabaseOptions.PostgreSql("Host=localhost;Database=bishan_fresh_script_check")
            : DatabaseOptions.SqliteFile(Path.Combine(Path.GetTempPath(), "bishan-fresh-script-check.db"));
        var builder = new DbContextOptionsBuilder<BishanDbContext>();
        BishanDbContextOptions.ConfigureRuntime(builder, database);
        return new BishanDbContext(builder.Options);
    }

    private static string SourcePath(StorageProvider provider) => provider == StorageProvider.PostgreSql
        ? Path.Combine(NodeProcess.RepositoryRoot(), "src", "Bishan.Workflow.Migrations.PostgreSql", "Migrations", DatabaseMigrator.FreshDatabaseScriptResource)
        : Path.Combine(NodeProcess.RepositoryRoot(), "src", "Bishan.Workflow.Infrastructure", "Persistence", "Migrations", DatabaseMigrator.FreshDatabaseScriptResource);

    private static ServiceProvider Services(TestDatabase database) => DatabaseMigratorFacts.Services(database);

    private static IDbContextFactory<BishanDbContext> Factory(IServiceProvider services) => DatabaseMigratorFacts.Factory(services);
}
