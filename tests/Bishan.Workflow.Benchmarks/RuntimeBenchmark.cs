using System.Diagnostics;
using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bishan.Workflow.Benchmarks;

/// <summary>
/// Measures, in one run on SQLite files: start and resume throughput of a three-activity flow with one
/// bookmark, the raw SQLite rate of single-row transactions in the same file, their ratio, and the same
/// flow again with many existing instances and 50 versions of its definition.
/// </summary>
internal static class RuntimeBenchmark
{
    private const string DefinitionId = "bench-three-step";

    public static async Task RunAsync(int count, int seedInstances)
    {
        var dir = Path.Combine(Path.GetTempPath(), "bishan-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var dbPath = Path.Combine(dir, "bishan.db");
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddWorkflowPersistence(dbPath)
            .AddWorkflowRuntime()
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();

        var definitions = services.GetRequiredService<IWorkflowDefinitionService>();
        var runtime = services.GetRequiredService<IWorkflowRuntime>();
        var imported = await definitions.ImportAsync(Definition(1), publish: true, user: "bench");
        if (!imported.Succeeded) throw new InvalidOperationException(string.Join("; ", imported.Errors));

        Console.WriteLine($"SQLite file: {dbPath}   iterations: {count:N0}");
        await MeasureFlowAsync(services, runtime, 200, warmup: true);
        var baseline = await MeasureFlowAsync(services, runtime, count, warmup: false);
        var raw = MeasureRawSqlite(dbPath, count * 2);

        Console.WriteLine($"Seeding {seedInstances:N0} finished instances and 49 more versions...");
        await SeedAsync(services, definitions, dbPath, seedInstances);
        await MeasureFlowAsync(services, runtime, 200, warmup: true);
        var loaded = await MeasureFlowAsync(services, runtime, count, warmup: false);

        Console.WriteLine();
        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| starts/s (run to the bookmark, committed) | {baseline.StartsPerSecond:N0} |");
        Console.WriteLine($"| resumes/s (bookmark burned, instance finished, committed) | {baseline.ResumesPerSecond:N0} |");
        Console.WriteLine($"| start+resume pairs/s | {baseline.PairsPerSecond:N0} |");
        Console.WriteLine($"| raw SQLite single-row transactions/s (same file) | {raw:N0} |");
        Console.WriteLine($"| ratio resumes/s : raw transactions/s | {baseline.ResumesPerSecond / raw:0.00} |");
        Console.WriteLine($"| resumes/s with {seedInstances:N0} instances and 50 versions | {loaded.ResumesPerSecond:N0} |");
        Console.WriteLine($"| starts/s with {seedInstances:N0} instances and 50 versions | {loaded.StartsPerSecond:N0} |");
        Console.WriteLine($"| resume slowdown at scale | {(1 - loaded.ResumesPerSecond / baseline.ResumesPerSecond) * 100:0.0}% |");
        Console.WriteLine($"| start slowdown at scale | {(1 - loaded.StartsPerSecond / baseline.StartsPerSecond) * 100:0.0}% |");
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    private sealed record FlowRate(double StartsPerSecond, double ResumesPerSecond)
    {
        public double PairsPerSecond => 1 / (1 / StartsPerSecond + 1 / ResumesPerSecond);
    }

    private static async Task<FlowRate> MeasureFlowAsync(IServiceProvider services, IWorkflowRuntime runtime, int count, bool warmup)
    {
        var ids = new List<string>(count);
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
            ids.Add((await runtime.StartAsync(DefinitionId, null, null)).Id);
        var startSeconds = sw.Elapsed.TotalSeconds;

        var bookmarks = await BookmarksOfAsync(services, ids);
        sw.Restart();
        foreach (var bookmarkId in bookmarks)
        {
            var result = await runtime.ResumeAsync(bookmarkId, null);
            if (result.Outcome != ResumeOutcome.Resumed) throw new InvalidOperationException($"resume gave {result.Outcome}");
        }
        var resumeSeconds = sw.Elapsed.TotalSeconds;
        if (!warmup)
            Console.WriteLine($"  {count:N0} starts in {startSeconds:0.00} s, {bookmarks.Count:N0} resumes in {resumeSeconds:0.00} s");
        return new FlowRate(count / startSeconds, bookmarks.Count / resumeSeconds);
    }

    private static async Task<List<string>> BookmarksOfAsync(IServiceProvider services, List<string> instanceIds)
    {
        var factory = services.GetRequiredService<IDbContextFactory<BishanDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var set = instanceIds.ToHashSet();
        var rows = await db.Set<BookmarkRecord>().AsNoTracking().Select(b => new { b.Id, b.InstanceId }).ToListAsync();
        return rows.Where(r => set.Contains(r.InstanceId)).Select(r => r.Id).ToList();
    }

    /// <summary>Single-row insert transactions through Microsoft.Data.Sqlite on the same file and pragmas.</summary>
    private static double MeasureRawSqlite(string dbPath, int count)
    {
        using var connection = new SqliteConnection($"Data Source={dbPath}");
        connection.Open();
        Exec(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;");
        Exec(connection, "CREATE TABLE IF NOT EXISTS BenchRaw (Id TEXT PRIMARY KEY, Payload TEXT NOT NULL)");
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO BenchRaw (Id, Payload) VALUES ($id, $payload)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var payload = insert.Parameters.Add("$payload", SqliteType.Text);
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            using var tx = connection.BeginTransaction();
            insert.Transaction = tx;
            id.Value = Guid.NewGuid().ToString("N");
            payload.Value = "{\"n\":" + i + "}";
            insert.ExecuteNonQuery();
            tx.Commit();
        }
        var rate = count / sw.Elapsed.TotalSeconds;
        Console.WriteLine($"  {count:N0} raw single-row transactions in {sw.Elapsed.TotalSeconds:0.00} s");
        return rate;
    }

    private static async Task SeedAsync(IServiceProvider services, IWorkflowDefinitionService definitions, string dbPath, int seedInstances)
    {
        for (var v = 2; v <= 50; v++)
        {
            var r = await definitions.ImportAsync(Definition(v), publish: v == 50, user: "bench");
            if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors));
        }
        // Finished instances are inserted in bulk: how they got there does not matter, only that queries must not scan them.
        var runtime = services.GetRequiredService<IWorkflowRuntime>();
        var template = await runtime.StartAsync(DefinitionId, null, null);
        using var connection = new SqliteConnection($"Data Source={dbPath}");
        connection.Open();
        using var tx = connection.BeginTransaction();
        using var copy = connection.CreateCommand();
        copy.Transaction = tx;
        copy.CommandText = """
            INSERT INTO WorkflowInstances
            SELECT $id AS Id, DefinitionId, DefinitionVersion, DefinitionVersionId, $corr, 'Finished', 'Finished', StateJson,
                   VariablesJson, OutputJson, CreatedAtUtc, UpdatedAtUtc, UpdatedAtUtc, ConcurrencyToken
            FROM WorkflowInstances WHERE Id = $template
            """;
        var idParam = copy.Parameters.Add("$id", SqliteType.Text);
        var corr = copy.Parameters.Add("$corr", SqliteType.Text);
        copy.Parameters.AddWithValue("$template", template.Id);
        for (var i = 0; i < seedInstances; i++)
        {
            idParam.Value = Guid.NewGuid().ToString("N");
            corr.Value = "seed-" + i;
            copy.ExecuteNonQuery();
        }
        tx.Commit();
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>Start → Event (the one bookmark) → End.</summary>
    private static string Definition(int version) => new JsonObject
    {
        ["definitionId"] = DefinitionId,
        ["name"] = "Benchmark: three activities, one bookmark",
        ["version"] = version,
        ["root"] = new JsonObject
        {
            ["id"] = "flow",
            ["type"] = "Elsa.Flowchart",
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "start", ["type"] = "Elsa.Start" },
                new JsonObject
                {
                    ["id"] = "wait",
                    ["type"] = "Elsa.Event",
                    ["eventName"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "go-" + version } },
                },
                new JsonObject { ["id"] = "end", ["type"] = "Elsa.End" }),
            ["connections"] = new JsonArray(
                new JsonObject { ["source"] = "start", ["sourcePort"] = "Done", ["target"] = "wait", ["targetPort"] = "In" },
                new JsonObject { ["source"] = "wait", ["sourcePort"] = "Done", ["target"] = "end", ["targetPort"] = "In" }),
        },
    }.ToJsonString();
}
