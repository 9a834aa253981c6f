using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Bishan.Workflow.IntegrationTests.Persistence;

/// <summary>
/// The start-up migration step (issue 15): an up-to-date database is left alone after one read of the history, and a
/// database that lacks a migration of this build still gets it, on the selected provider.
/// </summary>
public sealed class DatabaseMigratorFacts
{
    [Fact]
    public async Task MigrateAsync_CreatesEveryTable_OnAnEmptyDatabase_AndFindsItUpToDate_OnTheNextStart()
    {
        await using var database = await TestDatabase.CreateAsync("bishan-migrator");
        await using (var first = Services(database))
        {
            var migrator = first.GetRequiredService<DatabaseMigrator>();
            await migrator.MigrateAsync();
            Assert.False(migrator.LastFoundUpToDate);
            await using var db = await Factory(first).CreateDbContextAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await db.WorkTasks.CountAsync());
        }

        TestDatabase.ClearPools();
        await using var second = Services(database);
        var again = second.GetRequiredService<DatabaseMigrator>();
        await again.MigrateAsync();
        Assert.True(again.LastFoundUpToDate);
    }

    [Fact]
    public async Task MigrateAsync_AppliesTheMigrationTheDatabaseLacks()
    {
        await using var database = await TestDatabase.CreateAsync("bishan-migrator");
        await using var services = Services(database);
        string last;
        await using (var db = await Factory(services).CreateDbContextAsync())
        {
            // A database of the previous release: every migration but the newest one.
            var all = db.Database.GetMigrations().ToList();
            last = all[^1];
            await db.GetService<IMigrator>().MigrateAsync(all[^2]);
            Assert.Equal([last], await db.Database.GetPendingMigrationsAsync());
        }

        var migrator = services.GetRequiredService<DatabaseMigrator>();
        await migrator.MigrateAsync();

        Assert.False(migrator.LastFoundUpToDate);
        await using var after = await Factory(services).CreateDbContextAsync();
        Assert.Empty(await after.Database.GetPendingMigrationsAsync());
        Assert.Contains(last, await after.Database.GetAppliedMigrationsAsync());
    }

    internal static ServiceProvider Services(TestDatabase database) =>
        new ServiceCollection().AddSingleton(TimeProvider.System).AddWorkflowPersistence(database.Options).BuildServiceProvider();

    internal static IDbContextFactory<BishanDbContext> Factory(IServiceProvider services) =>
        services.GetRequiredService<IDbContextFactory<BishanDbContext>>();
}
