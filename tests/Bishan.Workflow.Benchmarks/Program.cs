using Bishan.Workflow.Benchmarks;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Bishan.Workflow.Benchmarks.UserPath;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Persistence.Entities;
using Bishan.Workflow.Infrastructure.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// Two benchmarks, each from one run, on SQLite and (when a server is given) on PostgreSQL (see README.md here):
// - `engine` (the default when the first argument is a number): start and resume of a three-activity flow with one
//   bookmark, the raw rate of single-row transactions on the same database, their ratio, and the same flow again with
//   100,000 existing instances and 50 versions of its definition. Targets: ratio >= 0.3, the big store at most 15% slower.
// - `http`: the user's path through the real host (Kestrel, in this process) on a real database with 10,000 cases and
//   10,000 open tasks, as ratios to GET /health; start-up and first request of the built app (a child process).
// - `nodes`: completions/s of 8 concurrent clients on two built-app nodes sharing PostgreSQL, against one client on SQLite.
// Usage: dotnet run -c Release --project tests/Bishan.Workflow.Benchmarks [-- all|engine|http|nodes] [engine: instancesPerRound backgroundInstances] [nodes: tasksPerClient]
// PostgreSQL: set BISHAN_BENCH_POSTGRES (or BISHAN_TEST_POSTGRES) to a server connection string without a database;
// a throwaway database is created and dropped for each scenario.
internal static class BenchProgram
{
    // A named entry point rather than top-level statements: the generated Program class would clash with the web app's.
    public static async Task Main(string[] args)
    {
        var mode = args.Length > 0 && !char.IsDigit(args[0][0]) ? args[0] : args.Length > 0 ? "engine" : "all";
        var numbers = args.SkipWhile(a => !char.IsDigit(a[0])).ToArray();
        var perRound = numbers.Length > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 2_000;
        var background = numbers.Length > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : 100_000;
        var server = Environment.GetEnvironmentVariable("BISHAN_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("BISHAN_TEST_POSTGRES");

        if (mode is "all" or "engine")
        {
            await Bench.PrintAsync("SQLite", BenchTarget.Sqlite, perRound, background);
            if (!string.IsNullOrWhiteSpace(server))
                await Bench.PrintAsync("PostgreSQL", () => BenchTarget.PostgreSql(server), perRound, background);
            else
                Console.WriteLine("\nPostgreSQL: not measured (set BISHAN_BENCH_POSTGRES to a server connection string).");
        }
        if (mode == "engine-profile")
        {
            await Bench.ProfileAsync(BenchTarget.Sqlite(), numbers.Length > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 20,
                numbers.Length > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : 0);
            return;
        }
        if (mode == "profile")
        {
            await ProfileLoop.RunAsync(BenchTarget.Sqlite(), numbers.Length > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 10);
            return;
        }
        if (mode == "nodes")
        {
            await NodesBench.PrintAsync(server, numbers.Length > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 50);
            return;
        }
        if (mode is "all" or "http")
        {
            // BISHAN_BENCH_ONLY=SQLite or PostgreSQL measures the user's path on that provider alone.
            var only = Environment.GetEnvironmentVariable("BISHAN_BENCH_ONLY");
            if (only is null or "" or "SQLite")
                await UserPathBench.PrintAsync("SQLite", BenchTarget.Sqlite);
            if (only is "SQLite") return;
            if (!string.IsNullOrWhiteSpace(server))
                await UserPathBench.PrintAsync("PostgreSQL", () => BenchTarget.PostgreSql(server));
            else
                Console.WriteLine("\nPostgreSQL: not measured (set BISHAN_BENCH_POSTGRES to a server connection string).");
        }
    }
}

internal static class Bench
{
    private const string DefinitionId = "bench";

    public static async Task PrintAsync(string provider, Func<BenchTarget> target, int perRound, int background)
    {
        var small = await RunAsync(target(), perRound, backgroundInstances: 0, extraVersions: 0);
        var large = await RunAsync(target(), perRound, background, extraVersions: 49);
        Console.WriteLine();
        Console.WriteLine($"{provider}:");
        Console.WriteLine("| measure | empty store | " + background.ToString("N0", CultureInfo.InvariantCulture) + " instances, 50 versions |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| starts/s (run to the bookmark, committed) | {small.Starts:N0} | {large.Starts:N0} |");
        Console.WriteLine($"| resumes/s (bookmark burned, instance finished, committed) | {small.Resumes:N0} | {large.Resumes:N0} |");
        Console.WriteLine($"| start+resume pairs/s | {small.Pairs:N0} | {large.Pairs:N0} |");
        Console.WriteLine($"| raw {provider} single-row transactions/s, same database | {small.Raw:N0} | {large.Raw:N0} |");
        Console.WriteLine($"| ratio resumes/s : raw transactions/s | {small.Resumes / small.Raw:0.00} | {large.Resumes / large.Raw:0.00} |");
        Console.WriteLine($"| ratio start+resume pairs/s : raw transactions/s | {small.Pairs / small.Raw:0.00} | {large.Pairs / large.Raw:0.00} |");
        Console.WriteLine($"resume slowdown at scale: {(1 - large.Resumes / small.Resumes) * 100:0.#}%, start slowdown: {(1 - large.Starts / small.Starts) * 100:0.#}%");
        if (small.ResumePages is null) return;
        Console.WriteLine($"| processor time per resume, µs | {small.ResumeCpuMicroseconds:N0} | {large.ResumeCpuMicroseconds:N0} |");
        Console.WriteLine($"| resumes/s through ADO.NET commands (before round five), same run | {small.AdoResumes:N0} | {large.AdoResumes:N0} |");
        Console.WriteLine($"| processor time per resume through ADO.NET commands, µs | {small.AdoResumeCpuMicroseconds:N0} | {large.AdoResumeCpuMicroseconds:N0} |");
        Console.WriteLine($"| pages written per start (WAL frames) | {small.StartPages?.PerCommit:0.00} | {large.StartPages?.PerCommit:0.00} |");
        Console.WriteLine($"| pages written per resume (WAL frames) | {small.ResumePages?.PerCommit:0.00} | {large.ResumePages?.PerCommit:0.00} |");
        Console.WriteLine($"| pages written per raw transaction (WAL frames) | {small.RawPages?.PerCommit:0.00} | {large.RawPages?.PerCommit:0.00} |");
        foreach (var (name, rates) in new[] { ("empty", small), ("large", large) })
        {
            WalPages.Print($"{name}, start", rates.StartPages);
            WalPages.Print($"{name}, resume", rates.ResumePages);
            WalPages.Print($"{name}, raw", rates.RawPages);
        }
    }

    /// <summary>
    /// The engine's loop for a CPU sampler: the store of <see cref="RunAsync"/> (with <paramref name="background"/> instances),
    /// then start+resume rounds of 500 for <paramref name="seconds"/> seconds after a pause of 5 s to attach
    /// <c>dotnet-trace collect -p PID</c>. Starts and resumes are told apart in the trace by their frames.
    /// </summary>
    public static async Task ProfileAsync(BenchTarget target, int seconds, int background)
    {
        await using var services = Services(target);
        try
        {
            var runtime = await PrepareAsync(services, background, extraVersions: background > 0 ? 49 : 0);
            Console.WriteLine($"PID {Environment.ProcessId}: looping in 5 s for {seconds} s");
            await Task.Delay(TimeSpan.FromSeconds(5));
            var clock = Stopwatch.StartNew();
            var (starts, resumes) = (0, 0);
            var (startTime, resumeTime) = (TimeSpan.Zero, TimeSpan.Zero);
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                var round = Stopwatch.StartNew();
                var ids = new List<string>(500);
                for (var i = 0; i < 500; i++) ids.Add((await runtime.StartAsync(DefinitionId, null, "p" + i)).Id);
                startTime += round.Elapsed;
                starts += ids.Count;
                var bookmarks = await BookmarksOfAsync(services, ids);
                round.Restart();
                resumes += await ResumeAllAsync(services, bookmarks);
                resumeTime += round.Elapsed;
            }
            Console.WriteLine($"starts {starts} in {startTime.TotalSeconds:0.00} s ({starts / startTime.TotalSeconds:N0}/s), " +
                              $"resumes {resumes} in {resumeTime.TotalSeconds:0.00} s ({resumes / resumeTime.TotalSeconds:N0}/s)");
            PrintPlans(new SqliteConnectionStringBuilder(target.Database.ConnectionString).DataSource);
        }
        finally
        {
            target.Drop();
        }
    }

    /// <summary>The statements of a start and a resume (as the runtime sends them) and SQLite's plan for each.</summary>
    private static readonly string[] HotPathStatements =
    [
        """SELECT "Id", "Version" FROM "WorkflowDefinitionVersions" WHERE "DefinitionId" = 'bench' AND "IsPublished" = TRUE""",
        """SELECT i.* FROM "WorkflowBookmarks" b JOIN "WorkflowInstances" i ON i."Id" = b."InstanceId" WHERE b."Id" = 'x' AND b."BurnedAtUtc" IS NULL""",
        """SELECT * FROM "WorkflowInstances" i WHERE i."Id" = 'x'""",
        """UPDATE "WorkflowBookmarks" SET "BurnedAtUtc" = 'z' WHERE "Id" = 'x' AND "BurnedAtUtc" IS NULL""",
        """UPDATE "WorkflowInstances" SET "StateJson" = 's', "ConcurrencyToken" = 2, "Status" = 'Finished', "SubStatus" = 'Finished' WHERE "Id" = 'x' AND "ConcurrencyToken" = 1""",
        """SELECT "InstanceId" FROM "WorkflowBookmarks" WHERE "Id" = 'x' AND "BurnedAtUtc" IS NOT NULL""",
        """SELECT "Json", "Version" FROM "WorkflowDefinitionVersions" WHERE "Id" = 'x'""",
        """SELECT "Id" FROM "WorkflowBookmarks" WHERE "Name" = 'Elsa.Event' AND "BurnedAtUtc" IS NULL AND "Key" = 'Go' AND "CorrelationId" = 'c' ORDER BY "CreatedAtUtc" """,
        """SELECT "Id" FROM "WorkflowInstances" WHERE "SubStatus" = 'Executing' AND ("LeaseExpiresAtUtc" IS NULL OR "LeaseExpiresAtUtc" < 'z') ORDER BY "CreatedAtUtc" """,
        """SELECT "DefinitionId", COUNT(*) FROM "WorkflowInstances" WHERE "Status" = 'Running' GROUP BY "DefinitionId" """,
        """WITH RECURSIVE "chain" AS (SELECT j.* FROM "WorkflowInstances" i JOIN "WorkflowJournal" j ON j."Id" = i."LastJournalId" AND j."InstanceId" = i."Id" WHERE i."Id" = 'x' UNION ALL SELECT j.* FROM "chain" c JOIN "WorkflowJournal" j ON j."Id" = c."PreviousId" AND j."InstanceId" = c."InstanceId") SELECT * FROM "chain" """,
    ];

    private static void PrintPlans(string dbPath)
    {
        using var connection = new SqliteConnection($"Data Source={dbPath}");
        connection.Open();
        foreach (var sql in HotPathStatements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            using var reader = command.ExecuteReader();
            var plan = new List<string>();
            while (reader.Read()) plan.Add(reader.GetString(3));
            Console.WriteLine($"{sql}\n    -> {string.Join(" | ", plan)}");
        }
    }

    private static ServiceProvider Services(BenchTarget target) => new ServiceCollection()
        .AddSingleton(TimeProvider.System)
        .AddWorkflowPersistence(target.Database)
        .AddWorkflowRuntime()
        .BuildServiceProvider();

    /// <summary>Migrates, imports the versions, seeds the background instances and warms up; returns the runtime.</summary>
    private static async Task<IWorkflowRuntime> PrepareAsync(ServiceProvider services, int backgroundInstances, int extraVersions)
    {
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var definitions = services.GetRequiredService<IWorkflowDefinitionService>();
        var runtime = services.GetRequiredService<IWorkflowRuntime>();
        for (var v = 0; v < extraVersions; v++)
            await definitions.ImportAsync(Workflow($"old {v}"), publish: true, "bench");
        await definitions.ImportAsync(Workflow("current"), publish: true, "bench");
        if (backgroundInstances > 0) await SeedAsync(services, runtime, backgroundInstances);

        // Warm up: caches, connection pool, and enough calls for the JIT to reach its optimized tier.
        var warm = new List<string>();
        for (var i = 0; i < 500; i++) warm.Add((await runtime.StartAsync(DefinitionId, null, null)).Id);
        await ResumeAllAsync(services, await BookmarksOfAsync(services, warm));
        return runtime;
    }

    private static async Task<Rates> RunAsync(BenchTarget target, int perRound, int backgroundInstances, int extraVersions)
    {
        var services = Services(target);
        try
        {
            var runtime = await PrepareAsync(services, backgroundInstances, extraVersions);

            var clock = Stopwatch.StartNew();
            var ids = new List<string>(perRound);
            for (var i = 0; i < perRound; i++) ids.Add((await runtime.StartAsync(DefinitionId, null, "c" + i)).Id);
            var starts = perRound / clock.Elapsed.TotalSeconds;

            var bookmarkIds = await BookmarksOfAsync(services, ids);
            clock.Restart();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var resumed = await ResumeAllAsync(services, bookmarkIds);
            var resumes = resumed / clock.Elapsed.TotalSeconds;
            var resumeCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / resumed;

            // The same round once more through ADO.NET commands on SQLite (the path before round five), for a comparison
            // under the same load.
            double? adoResumes = null, adoResumeCpu = null;
            if (!target.Database.IsPostgreSql)
            {
                var more = new List<string>(perRound);
                for (var i = 0; i < perRound; i++) more.Add((await runtime.StartAsync(DefinitionId, null, "a" + i)).Id);
                var moreBookmarks = await BookmarksOfAsync(services, more);
                PreparedCommands.UseSqliteStatements = false;
                try
                {
                    clock.Restart();
                    cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var count = await ResumeAllAsync(services, moreBookmarks);
                    adoResumes = count / clock.Elapsed.TotalSeconds;
                    adoResumeCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / count;
                }
                finally
                {
                    PreparedCommands.UseSqliteStatements = true;
                }
            }
            if (target.Database.IsPostgreSql)
                return new Rates(starts, resumes, RawPostgresTransactionsPerSecond(target.Database.ConnectionString, perRound * 2));
            var dbPath = new SqliteConnectionStringBuilder(target.Database.ConnectionString).DataSource;
            var raw = RawTransactionsPerSecond(dbPath, perRound * 2);

            // Pages written per commit, counted in the log (not timed): 200 starts, their 200 resumes, 200 raw transactions,
            // in chunks of 10.
            var pageIds = new List<string>(200);
            var startPages = await WalPages.MeasureAsync(dbPath, 20, async _ =>
            {
                for (var i = 0; i < 10; i++) pageIds.Add((await runtime.StartAsync(DefinitionId, null, "w" + i)).Id);
            });
            var pageBookmarks = await BookmarksOfAsync(services, pageIds);
            var resumePages = await WalPages.MeasureAsync(dbPath, 20, c => ResumeAllAsync(services, pageBookmarks.Skip(c * 10).Take(10)));
            var rawPages = await WalPages.MeasureAsync(dbPath, 20, _ =>
            {
                RawTransactionsPerSecond(dbPath, 10);
                return Task.CompletedTask;
            });
            return new Rates(starts, resumes, raw)
            {
                StartPages = startPages, ResumePages = resumePages, RawPages = rawPages,
                ResumeCpuMicroseconds = resumeCpu, AdoResumes = adoResumes, AdoResumeCpuMicroseconds = adoResumeCpu,
            };
        }
        finally
        {
            await services.DisposeAsync();
            target.Drop();
        }
    }

    /// <summary>Single-row insert transactions through Npgsql on the same database as the runtime.</summary>
    private static double RawPostgresTransactionsPerSecond(string connectionString, int count)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "CREATE TABLE IF NOT EXISTS bench_raw (id text PRIMARY KEY, payload text NOT NULL)";
            setup.ExecuteNonQuery();
        }
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO bench_raw (id, payload) VALUES (@id, @payload)";
        var id = new NpgsqlParameter<string>("id", ""); insert.Parameters.Add(id);
        var payload = new NpgsqlParameter<string>("payload", ""); insert.Parameters.Add(payload);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            using var tx = connection.BeginTransaction();
            insert.Transaction = tx;
            id.TypedValue = Guid.NewGuid().ToString("N");
            payload.TypedValue = "{\"n\":" + i.ToString(CultureInfo.InvariantCulture) + "}";
            insert.ExecuteNonQuery();
            tx.Commit();
        }
        return count / clock.Elapsed.TotalSeconds;
    }

    internal sealed record Rates(double Starts, double Resumes, double Raw)
    {
        public double Pairs => 1 / (1 / Starts + 1 / Resumes);

        public WalPages.Count? StartPages { get; init; }

        public WalPages.Count? ResumePages { get; init; }

        public WalPages.Count? RawPages { get; init; }

        /// <summary>Processor time of this process per resume (all threads), less sensitive to other processes than the rate.</summary>
        public double? ResumeCpuMicroseconds { get; init; }

        public double? AdoResumes { get; init; }

        public double? AdoResumeCpuMicroseconds { get; init; }
    }

    /// <summary>
    /// Single-row insert transactions through Microsoft.Data.Sqlite on the same file, with the same per-connection pragmas
    /// as the runtime's connections (<see cref="SqlitePragmaInterceptor.PerConnectionPragmas"/>: <c>synchronous=NORMAL</c>,
    /// the raised automatic checkpoint threshold), and like the engine's loop without a background checkpointer.
    /// </summary>
    private static double RawTransactionsPerSecond(string dbPath, int count)
    {
        using var connection = new SqliteConnection($"Data Source={dbPath}");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = SqlitePragmaInterceptor.PerConnectionPragmas + " CREATE TABLE IF NOT EXISTS BenchRaw (Id TEXT PRIMARY KEY, Payload TEXT NOT NULL);";
            setup.ExecuteNonQuery();
        }
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO BenchRaw (Id, Payload) VALUES ($id, $payload)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var payload = insert.Parameters.Add("$payload", SqliteType.Text);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            using var tx = connection.BeginTransaction();
            insert.Transaction = tx;
            id.Value = Guid.NewGuid().ToString("N");
            payload.Value = "{\"n\":" + i.ToString(CultureInfo.InvariantCulture) + "}";
            insert.ExecuteNonQuery();
            tx.Commit();
        }
        return count / clock.Elapsed.TotalSeconds;
    }

    private static async Task<List<string>> BookmarksOfAsync(IServiceProvider services, List<string> instanceIds)
    {
        var factory = services.GetRequiredService<IDbContextFactory<BishanDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var result = new List<string>();
        foreach (var chunk in instanceIds.Chunk(500))
            result.AddRange(await db.WorkflowBookmarks.Where(b => chunk.Contains(b.InstanceId) && b.BurnedAtUtc == null).Select(b => b.Id).ToListAsync());
        return result;
    }

    private static async Task<int> ResumeAllAsync(IServiceProvider services, IEnumerable<string> bookmarkIds)
    {
        var runtime = services.GetRequiredService<IWorkflowRuntime>();
        var count = 0;
        foreach (var id in bookmarkIds)
            if ((await runtime.ResumeAsync(id, null)).Outcome == ResumeOutcome.Resumed)
                count++;
        return count;
    }

    /// <summary>Copies one real suspended instance (row, bookmark, journal) many times: fast, and realistic row sizes.</summary>
    private static async Task SeedAsync(IServiceProvider services, IWorkflowRuntime runtime, int count)
    {
        var template = await runtime.StartAsync(DefinitionId, null, "seed");
        var factory = services.GetRequiredService<IDbContextFactory<BishanDbContext>>();
        WorkflowInstanceRecord row;
        WorkflowBookmarkRecord bookmark;
        List<WorkflowJournalRecord> journal;
        long nextJournalId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            row = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == template.Id);
            bookmark = await db.WorkflowBookmarks.AsNoTracking().SingleAsync(b => b.InstanceId == template.Id);
            journal = await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == template.Id).OrderBy(j => j.Sequence).ToListAsync();
            nextJournalId = await db.WorkflowJournal.MaxAsync(j => j.Id) + 1;
        }
        const int batch = 5_000;
        for (var done = 0; done < count; done += batch)
        {
            await using var db = await factory.CreateDbContextAsync();
            for (var i = done; i < Math.Min(count, done + batch); i++)
            {
                var id = Guid.NewGuid().ToString("N");
                // The journal rows with their keys given, so that the copy's chain (instance -> newest row -> previous) is linked.
                long? previous = null;
                foreach (var j in journal)
                {
                    db.WorkflowJournal.Add(new WorkflowJournalRecord
                    {
                        Id = nextJournalId, InstanceId = id, Sequence = j.Sequence, EntryCount = j.EntryCount, TimestampUtc = j.TimestampUtc,
                        EntriesJson = j.EntriesJson, PreviousId = previous,
                    });
                    previous = nextJournalId++;
                }
                db.WorkflowInstances.Add(new WorkflowInstanceRecord
                {
                    Id = id, DefinitionId = row.DefinitionId, DefinitionVersion = row.DefinitionVersion,
                    DefinitionVersionId = row.DefinitionVersionId, CorrelationId = "seed" + i, Status = row.Status,
                    SubStatus = row.SubStatus, StateJson = row.StateJson, VariablesJson = row.VariablesJson,
                    OutputJson = row.OutputJson, CreatedAtUtc = row.CreatedAtUtc, UpdatedAtUtc = row.UpdatedAtUtc, ConcurrencyToken = 1,
                    LastJournalId = previous,
                });
                db.WorkflowBookmarks.Add(new WorkflowBookmarkRecord
                {
                    Id = Guid.NewGuid().ToString("N"), InstanceId = id, Name = bookmark.Name, Key = bookmark.Key,
                    ActivityId = bookmark.ActivityId, NodeId = bookmark.NodeId, ActivityType = bookmark.ActivityType,
                    CreatedAtUtc = bookmark.CreatedAtUtc,
                });
            }
            await db.SaveChangesAsync();
        }
        // The journal keys were given: PostgreSQL's identity sequence must move past them (SQLite takes the largest rowid + 1).
        await using (var db = await factory.CreateDbContextAsync())
            if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
                await db.Database.ExecuteSqlRawAsync("""
                    SELECT setval(pg_get_serial_sequence('"WorkflowJournal"', 'Id'), (SELECT max("Id") FROM "WorkflowJournal"))
                    """);
    }

    private static string Workflow(string text) => new JsonObject
    {
        ["definitionId"] = DefinitionId,
        ["name"] = "Benchmark",
        ["root"] = new JsonObject
        {
            ["id"] = "Flowchart1",
            ["type"] = "Elsa.Flowchart",
            ["activities"] = new JsonArray(
                Activity("Log", "Elsa.WriteLine", "text", text),
                Activity("Wait", "Elsa.Event", "eventName", "Go"),
                Activity("Done", "Elsa.WriteLine", "text", "done")),
            ["connections"] = new JsonArray(Connection("Log", "Wait"), Connection("Wait", "Done")),
        },
    }.ToJsonString();

    private static JsonObject Activity(string id, string type, string input, string value) => new()
    {
        ["id"] = id,
        ["type"] = type,
        [input] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } },
    };

    private static JsonObject Connection(string from, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = "Done" },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };
}

/// <summary>A fresh database for one scenario and how to remove it afterwards.</summary>
internal sealed record BenchTarget(DatabaseOptions Database, Action Drop)
{
    public static BenchTarget Sqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bishan-bench-" + Guid.NewGuid().ToString("N"));
        return new BenchTarget(DatabaseOptions.SqliteFile(Path.Combine(folder, "bench.db")), () =>
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        });
    }

    public static BenchTarget PostgreSql(string server)
    {
        var name = "bench_" + Guid.NewGuid().ToString("N");
        using (var admin = new NpgsqlConnection(server))
        {
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE {name}";
            create.ExecuteNonQuery();
        }
        var database = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new BenchTarget(DatabaseOptions.PostgreSql(database), () =>
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(server);
            admin.Open();
            using var drop = admin.CreateCommand();
            drop.CommandText = $"DROP DATABASE {name} WITH (FORCE)";
            drop.ExecuteNonQuery();
        });
    }
}
