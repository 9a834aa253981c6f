using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bishan.Workflow.IntegrationTests.Scheduling;

/// <summary>
/// sqlite-net-pcl (Hangfire.Storage.SQLite) brings SQLitePCLRaw 3.x while EF Core uses the 2.1.x bundle; the
/// restore mixes them. This proves both databases still write and read in one process. In the PostgreSQL pass it proves
/// the same of the one database that the application and Hangfire share through their two connection pools.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class SqliteSideBySideFacts(BishanWebFactory factory)
{
    [Fact]
    public async Task EfDatabaseAndHangfireDatabase_BothWriteAndRead_InOneProcess()
    {
        var marker = Guid.NewGuid().ToString("N");

        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<BishanDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS side_by_side_probe (value TEXT NOT NULL)");
            await db.Database.ExecuteSqlAsync($"INSERT INTO side_by_side_probe (value) VALUES ({marker})");
            var read = await db.Database.SqlQuery<string>($"SELECT value AS \"Value\" FROM side_by_side_probe WHERE value = {marker}").ToListAsync();
            Assert.Equal([marker], read);
            Assert.True(await db.WorkflowDefinitionVersions.CountAsync() >= 0);
        }

        var storage = factory.Services.GetRequiredService<JobStorage>();
        using (var connection = storage.GetConnection())
        {
            using (var transaction = connection.CreateWriteTransaction())
            {
                transaction.SetRangeInHash($"side-by-side:{marker}", [new("value", marker)]);
                transaction.Commit();
            }
            Assert.Equal(marker, connection.GetAllEntriesFromHash($"side-by-side:{marker}")?["value"]);
            using var cleanup = connection.CreateWriteTransaction();
            cleanup.RemoveHash($"side-by-side:{marker}");
            cleanup.Commit();
        }

        Assert.NotEqual(
            Path.GetFullPath(Path.Combine(factory.DataDirectory, "bishan.db")),
            Path.GetFullPath(Path.Combine(factory.DataDirectory, "hangfire.db")));
    }
}
