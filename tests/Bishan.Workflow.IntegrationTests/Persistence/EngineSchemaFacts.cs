using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Bishan.Workflow.IntegrationTests.Persistence;

/// <summary>
/// The engine's schema of round four (issue 15, migration <c>PerfEngine4Schema</c>): a store of the previous release keeps
/// its bookmarks, resumed bookmarks and instances through the migration (SQLite rebuilds both bookmark tables as WITHOUT
/// ROWID tables), and ends with the instance indexes the runtime's reads use, on the selected provider.
/// </summary>
public sealed class EngineSchemaFacts
{
    private const string Migration = "PerfEngine4Schema";

    [Fact]
    public async Task PerfEngine4Schema_KeepsEveryBookmarkAndInstance_AndLeavesTheNewIndexes()
    {
        await using var database = await TestDatabase.CreateAsync("bishan-engine4");
        await using var services = new ServiceCollection().AddSingleton(TimeProvider.System)
            .AddWorkflowPersistence(database.Options).BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<BishanDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var all = db.Database.GetMigrations().ToList();
            var index = all.FindIndex(m => m.EndsWith("_" + Migration, StringComparison.Ordinal));
            Assert.True(index > 0, $"{Migration} is missing.");
            await db.GetService<IMigrator>().MigrateAsync(all[index - 1]);

            // Rows of the previous release, written as its runtime wrote them.
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "WorkflowInstances" ("Id", "DefinitionId", "DefinitionVersion", "DefinitionVersionId", "CorrelationId", "Status",
                    "SubStatus", "StateJson", "CreatedAtUtc", "UpdatedAtUtc", "ConcurrencyToken")
                VALUES ('i1', 'd', 1, 'v1', 'c1', 'Running', 'Suspended', 'state', {0}, {0}, 1),
                       ('i2', 'd', 1, 'v1', NULL, 'Running', 'Executing', 'state', {0}, {0}, 1)
                """, new DateTime(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc));
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "WorkflowBookmarks" ("Id", "InstanceId", "Name", "Key", "ActivityId", "NodeId", "ActivityType", "ResumeAtUtc", "CreatedAtUtc")
                VALUES ('b1', 'i1', 'Elsa.Event', 'Go', 'Wait', 'Flowchart1:Wait', 'Elsa.Event', NULL, {0}),
                       ('b2', 'i1', 'Elsa.Delay', NULL, 'Delay', 'Flowchart1:Delay', 'Elsa.Delay', {0}, {0})
                """, new DateTime(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc));
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "WorkflowResumedBookmarks" ("Id", "InstanceId", "ResumedAtUtc") VALUES ('b0', 'i1', {0})
                """, new DateTime(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc));
            await db.GetService<IMigrator>().MigrateAsync(all[index]);
        }

        await using var after = await factory.CreateDbContextAsync();
        // Read in SQL: the entities of today have columns this schema does not have yet (round six's BurnedAtUtc).
        Assert.Equal(["b1:i1:Elsa.Event:Go", "b2:i1:Elsa.Delay:"], await after.Database.SqlQueryRaw<string>("""
            SELECT "Id" || ':' || "InstanceId" || ':' || "Name" || ':' || COALESCE("Key", '') AS "Value" FROM "WorkflowBookmarks" ORDER BY "Id"
            """).ToListAsync());
        Assert.Equal(new DateTime(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc), DateTime.SpecifyKind(await after.Database.SqlQueryRaw<DateTime>("""
            SELECT "ResumeAtUtc" AS "Value" FROM "WorkflowBookmarks" WHERE "Id" = 'b2'
            """).SingleAsync(), DateTimeKind.Utc));
        Assert.Equal(["i1"], await after.Database.SqlQueryRaw<string>("""
            SELECT "InstanceId" AS "Value" FROM "WorkflowResumedBookmarks" WHERE "Id" = 'b0'
            """).ToListAsync());
        Assert.Equal(["i2"], await after.WorkflowInstances.AsNoTracking()
            .Where(i => i.SubStatus == Engine.Execution.WorkflowSubStatus.Executing).Select(i => i.Id).ToListAsync());

        var indexes = await IndexesAsync(after, database.IsPostgreSql);
        Assert.Contains("IX_WorkflowInstances_Running", indexes);
        Assert.Contains("IX_WorkflowInstances_Executing", indexes);
        Assert.Contains("IX_WorkflowInstances_DefinitionId_DefinitionVersion", indexes);
        Assert.Contains("IX_WorkflowBookmarks_Name_Key", indexes);
        Assert.Contains("IX_WorkflowBookmarks_InstanceId", indexes);
        Assert.Contains("IX_WorkflowBookmarks_ResumeAtUtc", indexes);
        Assert.DoesNotContain("IX_WorkflowInstances_SubStatus", indexes);
        Assert.DoesNotContain("IX_WorkflowInstances_DefinitionId_Status", indexes);

        if (!database.IsPostgreSql)
        {
            var tables = await after.Database.SqlQueryRaw<string>("""
                SELECT "sql" AS "Value" FROM sqlite_master WHERE "type" = 'table' AND "name" IN ('WorkflowBookmarks', 'WorkflowResumedBookmarks')
                """).ToListAsync();
            Assert.Equal(2, tables.Count);
            Assert.All(tables, sql => Assert.EndsWith("WITHOUT ROWID", sql.TrimEnd(), StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// Round five (<c>PerfEngine5Schema</c>): the bookmarks lose their index by instance (every burn wrote to it) and the
    /// name-and-key index becomes one of events by key and correlation id; the rows stay, the table stays WITHOUT ROWID on
    /// SQLite, and the runtime's event lookup finds its bookmark through the new index.
    /// </summary>
    [Fact]
    public async Task PerfEngine5Schema_KeepsTheBookmarks_AndEventsAreFoundThroughTheirIndex()
    {
        await using var database = await TestDatabase.CreateAsync("bishan-engine5");
        await using var services = new ServiceCollection().AddSingleton(TimeProvider.System)
            .AddWorkflowPersistence(database.Options).BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<BishanDbContext>>();
        var at = new DateTime(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc);
        await using (var db = await factory.CreateDbContextAsync())
        {
            var all = db.Database.GetMigrations().ToList();
            var index = all.FindIndex(m => m.EndsWith("_PerfEngine5Schema", StringComparison.Ordinal));
            Assert.True(index > 0, "PerfEngine5Schema is missing.");
            await db.GetService<IMigrator>().MigrateAsync(all[index - 1]);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "WorkflowBookmarks" ("Id", "InstanceId", "Name", "Key", "CorrelationId", "ActivityId", "NodeId", "ActivityType", "CreatedAtUtc")
                VALUES ('b1', 'i1', 'Elsa.Event', 'Go', 'c1', 'Wait', 'Flowchart1:Wait', 'Elsa.Event', {0}),
                       ('b2', 'i2', 'Elsa.Event', 'Go', 'c2', 'Wait', 'Flowchart1:Wait', 'Elsa.Event', {0}),
                       ('b3', 'i1', 'Bishan.UserTask', 'Go', 'c1', 'Task', 'Flowchart1:Task', 'Bishan.UserTask', {0})
                """, at);
            await db.GetService<IMigrator>().MigrateAsync();
        }

        await using var after = await factory.CreateDbContextAsync();
        Assert.Equal(["b1", "b2", "b3"], await after.WorkflowBookmarks.AsNoTracking().OrderBy(b => b.Id).Select(b => b.Id).ToListAsync());
        // The runtime's event lookup (TriggerEventAsync): events only, by key and correlation id.
        Assert.Equal(["b1"], await after.WorkflowBookmarks.AsNoTracking()
            .Where(b => b.Name == Engine.Activities.Scheduling.Event.BookmarkName && b.BurnedAtUtc == null && b.Key == "Go" && b.CorrelationId == "c1")
            .OrderBy(b => b.CreatedAtUtc).Select(b => b.Id).ToListAsync());

        var indexes = await IndexesAsync(after, database.IsPostgreSql);
        Assert.Contains("IX_WorkflowBookmarks_Events", indexes);
        Assert.Contains("IX_WorkflowBookmarks_ResumeAtUtc", indexes);
        Assert.DoesNotContain("IX_WorkflowBookmarks_InstanceId", indexes);
        Assert.DoesNotContain("IX_WorkflowBookmarks_Name_Key", indexes);

        if (!database.IsPostgreSql)
        {
            // (The table of resumed bookmarks is gone since round six, PerfEngine6Bookmarks.)
            var tables = await after.Database.SqlQueryRaw<string>("""
                SELECT "sql" AS "Value" FROM sqlite_master WHERE "type" = 'table' AND "name" = 'WorkflowBookmarks'
                """).ToListAsync();
            Assert.EndsWith("WITHOUT ROWID", Assert.Single(tables).TrimEnd(), StringComparison.Ordinal);
            var connection = after.Database.GetDbConnection();
            await after.Database.OpenConnectionAsync();
            await using var explain = connection.CreateCommand();
            explain.CommandText = """
                EXPLAIN QUERY PLAN
                SELECT "Id" FROM "WorkflowBookmarks" WHERE "Name" = 'Elsa.Event' AND "BurnedAtUtc" IS NULL AND "Key" = 'Go' AND "CorrelationId" = 'c1' ORDER BY "CreatedAtUtc"
                """;
            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync())
                while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
            Assert.Contains(plan, line => line.Contains("IX_WorkflowBookmarks_Events", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// Round six (<c>PerfEngine6Journal</c>): the journal becomes one row per pass holding the pass's events. The rows of
    /// the previous release, one per event, are converted in place (one event each), so that an existing instance keeps its
    /// whole journal: the instance view reads the same entries in the same order with the same text, times and numbers.
    /// </summary>
    [Fact]
    public async Task PerfEngine6Journal_ConvertsEveryStoredEvent_AndTheJournalReadsTheSameInOrder()
    {
        await using var database = await TestDatabase.CreateAsync("bishan-engine6");
        await using var services = new ServiceCollection().AddSingleton(TimeProvider.System)
            .AddWorkflowPersistence(database.Options).AddWorkflowRuntime().BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<BishanDbContext>>();
        var at = new DateTime(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc);
        JournalEntry[] i1 =
        [
            new(1, "Start", "Flowchart1:Start", "Elsa.Start", null, JournalEvents.Started, null, null, at),
            new(2, "Log", "Flowchart1:Log", "Elsa.WriteLine", "写日志", JournalEvents.Completed, "个案已登记：\"张三\"", null, at.AddTicks(1_230)),
            new(3, "Fail", "Flowchart1:Fail", "Elsa.Fault", null, JournalEvents.Faulted, null, "Stack \\ {\"x\"}", at.AddMinutes(5)),
            new(4, "Flowchart1", "Flowchart1", "Elsa.Flowchart", "Root", JournalEvents.Suspended, "", null, at.AddDays(1)),
        ];
        JournalEntry[] i2 = [new(1, "Start", "Flowchart1:Start", "Elsa.Start", null, JournalEvents.Started, null, null, at.AddHours(2))];
        await using (var db = await factory.CreateDbContextAsync())
        {
            var all = db.Database.GetMigrations().ToList();
            var index = all.FindIndex(m => m.EndsWith("_PerfEngine6Journal", StringComparison.Ordinal));
            Assert.True(index > 0, "PerfEngine6Journal is missing.");
            await db.GetService<IMigrator>().MigrateAsync(all[index - 1]);
            // One row per event, as the previous release's runtime wrote them; not in sequence order, so that the order read
            // afterwards comes from the sequence numbers.
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "WorkflowInstances" ("Id", "DefinitionId", "DefinitionVersion", "DefinitionVersionId", "CorrelationId", "Status",
                    "SubStatus", "StateJson", "CreatedAtUtc", "UpdatedAtUtc", "ConcurrencyToken")
                VALUES ('i1', 'd', 1, 'v1', NULL, 'Running', 'Suspended', 'state', {0}, {0}, 4),
                       ('i2', 'd', 1, 'v1', NULL, 'Running', 'Suspended', 'state', {0}, {0}, 1),
                       ('i3', 'd', 1, 'v1', NULL, 'Running', 'Executing', 'state', {0}, {0}, 1)
                """, at);
            await db.Database.OpenConnectionAsync();
            foreach (var (instance, e) in new[] { ("i1", i1[2]), ("i2", i2[0]), ("i1", i1[0]), ("i1", i1[3]), ("i1", i1[1]) })
            {
                await using var insert = db.Database.GetDbConnection().CreateCommand();
                insert.CommandText = """
                    INSERT INTO "WorkflowJournal" ("InstanceId", "Sequence", "ActivityId", "NodeId", "ActivityType", "ActivityName",
                        "EventName", "Message", "Error", "TimestampUtc")
                    VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)
                    """;
                object?[] values = [instance, e.Sequence, e.ActivityId, e.NodeId, e.ActivityType, e.ActivityName, e.EventName, e.Message, e.Error, e.TimestampUtc];
                for (var v = 0; v < values.Length; v++)
                {
                    var parameter = insert.CreateParameter();
                    parameter.ParameterName = "@p" + v.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    parameter.Value = values[v] ?? DBNull.Value;
                    insert.Parameters.Add(parameter);
                }
                await insert.ExecuteNonQueryAsync();
            }
            // Through this migration and the later ones of round six (PerfEngine6JournalChain links the rows).
            await db.GetService<IMigrator>().MigrateAsync();
        }

        var queries = services.GetRequiredService<IWorkflowInstanceQueries>();
        Assert.Equal(i1, await queries.GetJournalAsync("i1"));
        Assert.Equal(i2, await queries.GetJournalAsync("i2"));
        Assert.Empty(await queries.GetJournalAsync("i3"));
        await using var after = await factory.CreateDbContextAsync();
        Assert.Equal(5, await after.WorkflowJournal.SumAsync(j => j.EntryCount));
        // The instance names its newest row, each row the one before it; no index by instance is left to write.
        var rows = await after.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == "i1").ToDictionaryAsync(j => j.Sequence);
        Assert.Equal(rows[4].Id, (await after.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == "i1")).LastJournalId);
        Assert.Equal([null, rows[1].Id, rows[2].Id, rows[3].Id], new[] { 1L, 2, 3, 4 }.Select(s => rows[s].PreviousId));
        Assert.Null((await after.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == "i3")).LastJournalId);
        Assert.DoesNotContain(await IndexesAsync(after, database.IsPostgreSql), i => i.StartsWith("IX_WorkflowJournal", StringComparison.Ordinal));
    }

    /// <summary>
    /// Round six (<c>PerfEngine6Bookmarks</c>): a resume marks its bookmark's row burned instead of deleting it and writing a
    /// row of the resumed-bookmarks table. The resumed bookmarks of the previous release become burned rows, so that
    /// resuming one again still answers "already resumed" and an unknown id "not found"; waiting bookmarks stay waiting (the
    /// event and timer lookups find them, not the burned ones); the table stays WITHOUT ROWID on SQLite and the event and timer lookups use their partial indexes.
    /// </summary>
    [Fact]
    public async Task PerfEngine6Bookmarks_TurnsResumedBookmarksIntoBurnedRows_AndWaitingOnesStayWaiting()
    {
        await using var database = await TestDatabase.CreateAsync("bishan-engine6b");
        await using var services = new ServiceCollection().AddSingleton(TimeProvider.System)
            .AddWorkflowPersistence(database.Options).AddWorkflowRuntime().BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<BishanDbContext>>();
        var at = new DateTime(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc);
        await using (var db = await factory.CreateDbContextAsync())
        {
            var all = db.Database.GetMigrations().ToList();
            var index = all.FindIndex(m => m.EndsWith("_PerfEngine6Bookmarks", StringComparison.Ordinal));
            Assert.True(index > 0, "PerfEngine6Bookmarks is missing.");
            await db.GetService<IMigrator>().MigrateAsync(all[index - 1]);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "WorkflowInstances" ("Id", "DefinitionId", "DefinitionVersion", "DefinitionVersionId", "CorrelationId", "Status",
                    "SubStatus", "StateJson", "CreatedAtUtc", "UpdatedAtUtc", "ConcurrencyToken")
                VALUES ('i1', 'd', 1, 'v1', 'c1', 'Running', 'Suspended', 'state', {0}, {0}, 3)
                """, at);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "WorkflowBookmarks" ("Id", "InstanceId", "Name", "Key", "CorrelationId", "ActivityId", "NodeId", "ActivityType", "ResumeAtUtc", "CreatedAtUtc")
                VALUES ('b1', 'i1', 'Elsa.Event', 'Go', 'c1', 'Wait', 'Flowchart1:Wait', 'Elsa.Event', NULL, {0}),
                       ('b2', 'i1', 'Elsa.Delay', NULL, 'c1', 'Delay', 'Flowchart1:Delay', 'Elsa.Delay', {0}, {0})
                """, at);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "WorkflowResumedBookmarks" ("Id", "InstanceId", "ResumedAtUtc") VALUES ('b0', 'i1', {0}), ('t0', 'i1', {0})
                """, at.AddHours(-1));
            await db.GetService<IMigrator>().MigrateAsync();
        }

        await using (var after = await factory.CreateDbContextAsync())
        {
            var rows = await after.WorkflowBookmarks.AsNoTracking().OrderBy(b => b.Id).ToListAsync();
            Assert.Equal(["b0", "b1", "b2", "t0"], rows.Select(b => b.Id));
            Assert.Equal([at.AddHours(-1), null, null, at.AddHours(-1)], rows.Select(b => b.BurnedAtUtc is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : (DateTime?)null));
            Assert.All(rows, b => Assert.Equal("i1", b.InstanceId));
            // The runtime's event lookup and the scheduler's timers: waiting bookmarks only.
            Assert.Equal(["b1"], await after.WorkflowBookmarks.AsNoTracking()
                .Where(b => b.Name == Engine.Activities.Scheduling.Event.BookmarkName && b.BurnedAtUtc == null && b.Key == "Go" && b.CorrelationId == "c1")
                .Select(b => b.Id).ToListAsync());
            Assert.Equal(["b2"], await after.WorkflowBookmarks.AsNoTracking().Where(b => b.ResumeAtUtc != null && b.BurnedAtUtc == null)
                .Select(b => b.Id).ToListAsync());

            var indexes = await IndexesAsync(after, database.IsPostgreSql);
            Assert.Contains("IX_WorkflowBookmarks_Events", indexes);
            Assert.Contains("IX_WorkflowBookmarks_ResumeAtUtc", indexes);
            if (!database.IsPostgreSql)
            {
                var tables = await after.Database.SqlQueryRaw<string>("""
                    SELECT "sql" AS "Value" FROM sqlite_master WHERE "type" = 'table' AND "name" IN ('WorkflowBookmarks', 'WorkflowResumedBookmarks')
                    """).ToListAsync();
                Assert.EndsWith("WITHOUT ROWID", Assert.Single(tables).TrimEnd(), StringComparison.Ordinal);
                Assert.Contains(await PlanAsync(after, """
                    SELECT "Id" FROM "WorkflowBookmarks" WHERE "Name" = 'Elsa.Event' AND "BurnedAtUtc" IS NULL AND "Key" = 'Go' AND "CorrelationId" = 'c1'
                    """), line => line.Contains("IX_WorkflowBookmarks_Events", StringComparison.Ordinal));
                Assert.Contains(await PlanAsync(after, """
                    SELECT "Id", "ResumeAtUtc" FROM "WorkflowBookmarks" WHERE "ResumeAtUtc" IS NOT NULL AND "BurnedAtUtc" IS NULL
                    """), line => line.Contains("IX_WorkflowBookmarks_ResumeAtUtc", StringComparison.Ordinal));
            }
            else Assert.Empty(await after.Database.SqlQueryRaw<string>("""
                SELECT tablename AS "Value" FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'WorkflowResumedBookmarks'
                """).ToListAsync());
        }

        // A bookmark resumed before the upgrade is still "already resumed" (with its instance), an unknown one "not found".
        var runtime = services.GetRequiredService<IWorkflowRuntime>();
        var again = await runtime.ResumeAsync("b0", null);
        Assert.Equal(ResumeOutcome.AlreadyResumed, again.Outcome);
        Assert.Equal("i1", again.Instance?.Id);
        Assert.Equal(ResumeOutcome.NotFound, (await runtime.ResumeAsync("never-issued", null)).Outcome);
    }

    private static async Task<List<string>> PlanAsync(BishanDbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        await using var explain = db.Database.GetDbConnection().CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        return plan;
    }

    private static Task<List<string>> IndexesAsync(BishanDbContext db, bool postgreSql) => postgreSql
        ? db.Database.SqlQueryRaw<string>("""SELECT indexname AS "Value" FROM pg_indexes WHERE schemaname = current_schema()""").ToListAsync()
        : db.Database.SqlQueryRaw<string>("""SELECT "name" AS "Value" FROM sqlite_master WHERE "type" = 'index'""").ToListAsync();
}
