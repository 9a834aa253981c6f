using System.Diagnostics;
using System.Globalization;

namespace Bishan.Workflow.Benchmarks.UserPath;

/// <summary>
/// <c>-- profile [seconds]</c>: the in-process host on SQLite with the 10,000 cases and tasks of <c>http</c>, then each
/// kind of request in a loop for a fixed time, one kind after another. Before each phase the phase's name is written to
/// <c>$BISHAN_BENCH_PHASE</c> (a file), so that a CPU sampler (<c>dotnet-trace collect -p PID</c>) can be attached for
/// exactly that phase. Prints, per kind, the mean time and the share of it spent inside EF Core's commands.
/// </summary>
internal static class ProfileLoop
{
    public static async Task RunAsync(BenchTarget t, int seconds)
    {
        var phaseFile = Environment.GetEnvironmentVariable("BISHAN_BENCH_PHASE");
        var dataDirectory = Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(t.Database.ConnectionString).DataSource)!;
        var settings = new Dictionary<string, string>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Seed:DemoPassword"] = UserPathBench.Password,
            ["Workflows:Path"] = UserPathBench.WorkflowsFolder(),
            ["SignIn:Throttle:AddressRequestsPerMinute"] = "1000",
        };
        _database = "Data Source=" + Path.Combine(dataDirectory, "bishan.db");
        try
        {
            await using var host = new BenchHost(settings);
            using var client = host.StartAndCreateClient();
            await UserPathBench.SignInAsync(client);
            await UserPathBench.SeedAsync(host.Services);
            using var counter = new StatementCounter();
            Console.WriteLine($"pid {Environment.ProcessId}, load average {File.ReadAllText("/proc/loadavg").Trim()}");

            var referrals = new List<string>();
            for (var i = 0; i < 30; i++) referrals.Add(await UserPathBench.ReferAsync(client, 90_000 + i));
            var n = 0;
            await PhaseAsync("referral", seconds, phaseFile, counter, async () => referrals.Add(await UserPathBench.ReferAsync(client, n++)));

            var tasks = await UserPathBench.ScreeningTasksAsync(host.Services, referrals);
            var criteria = UserPathBench.CriteriaAnswers(tasks[0].Task);
            var next = 0;
            for (var i = 0; i < 20; i++) await UserPathBench.CompleteAsync(client, tasks[next++].Task.Id, criteria);
            await PhaseAsync("completion", seconds, phaseFile, counter,
                () => UserPathBench.CompleteAsync(client, tasks[next++].Task.Id, criteria), more: () => next < tasks.Count);
            foreach (var (name, url) in new[]
                     {
                         ("inbox", "/api/tasks?scope=mine&status=open&take=25"),
                         ("cases", "/api/cases?take=25"),
                         ("overview", "/api/stats/overview"),
                         ("health", "/health"),
                     })
            {
                for (var i = 0; i < 20; i++) await UserPathBench.GetOkAsync(client, url);
                await PhaseAsync(name, seconds, phaseFile, counter, () => UserPathBench.GetOkAsync(client, url));
            }
            if (phaseFile is not null) await File.WriteAllTextAsync(phaseFile, "done");
        }
        finally
        {
            t.Drop();
        }
    }

    private static string? _database;

    /// <summary>With BISHAN_BENCH_SQL set: one request's EF Core commands and SQLite's plan of each query, to {name}.sql there.</summary>
    private static async Task PlanAsync(string name, StatementCounter counter, Func<Task> call)
    {
        var folder = Environment.GetEnvironmentVariable("BISHAN_BENCH_SQL");
        if (string.IsNullOrEmpty(folder) || _database is null) return;
        var trace = new List<string>();
        counter.Trace = trace;
        await call();
        counter.Trace = null;
        var text = new System.Text.StringBuilder();
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(_database);
        await connection.OpenAsync();
        foreach (var sql in trace)
        {
            text.AppendLine(sql).AppendLine(";");
            if (!sql[(sql.IndexOf('\n', StringComparison.Ordinal) + 1)..].TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)) continue;
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql[(sql.IndexOf('\n', StringComparison.Ordinal) + 1)..];
            try
            {
                await using var reader = await explain.ExecuteReaderAsync();
                while (await reader.ReadAsync()) text.Append("--   ").AppendLine(reader.GetString(3));
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex)
            {
                text.Append("-- no plan: ").AppendLine(ex.Message);
            }
        }
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, name + ".sql"), text + $"-- {trace.Count} EF Core commands\n");
    }

    /// <summary>The longest wait for the sampler to answer a phase, after which the loop goes on without it.</summary>
    private static readonly TimeSpan AckLimit = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Waits until the sampler writes <paramref name="phase"/> to <c>$BISHAN_BENCH_PHASE.ack</c> (attached for a phase,
    /// stopped for "idle"), polling the file; after <see cref="AckLimit"/> it says so and goes on.
    /// </summary>
    private static async Task AcknowledgedAsync(string phaseFile, string phase)
    {
        var ack = phaseFile + ".ack";
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < AckLimit)
        {
            if (File.Exists(ack) && string.Equals((await File.ReadAllTextAsync(ack)).Trim(), phase, StringComparison.Ordinal)) return;
            await Task.Delay(50);
        }
        Console.WriteLine($"No answer from the sampler for phase '{phase}' in {AckLimit.TotalSeconds:0} s ({ack}); going on.");
    }

    private static async Task PhaseAsync(string name, int seconds, string? phaseFile, StatementCounter counter, Func<Task> call,
        Func<bool>? more = null)
    {
        if (phaseFile is not null)
        {
            await File.WriteAllTextAsync(phaseFile, name);
            await AcknowledgedAsync(phaseFile, name); // the sampler has attached
        }
        await PlanAsync(name, counter, call);
        var (ef0, _) = counter.Read();
        var efTime0 = counter.EfTime;
        var tx0 = counter.TransactionTime;
        var allocated0 = GC.GetTotalAllocatedBytes();
        var gcs0 = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pause0 = GC.GetTotalPauseDuration();
        using var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var count = 0;
        var clock = Stopwatch.StartNew();
        // Ends early when the phase runs out of work (the completions, once every screening task is done).
        while (clock.Elapsed.TotalSeconds < seconds && (more?.Invoke() ?? true))
        {
            await call();
            count++;
        }
        var elapsed = clock.Elapsed;
        process.Refresh();
        // CPU of the whole process (server, background work and this client) per request: steadier than wall time
        // on a machine that others share.
        var cpu = (process.TotalProcessorTime - cpu0).TotalMilliseconds / Math.Max(1, count);
        var (ef1, _) = counter.Read();
        if (phaseFile is not null)
        {
            await File.WriteAllTextAsync(phaseFile, "idle");
            await AcknowledgedAsync(phaseFile, "idle"); // the sampler has stopped
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {count} requests, mean {elapsed.TotalMilliseconds / count:0.00} ms, process CPU {cpu:0.00} ms per request, EF commands {(ef1 - ef0) / (double)count:0.#} per request taking {(counter.EfTime - efTime0).TotalMilliseconds / count:0.00} ms, transaction begin {(counter.TransactionTime.Begin - tx0.Begin).TotalMilliseconds / count:0.00} ms and commit {(counter.TransactionTime.Commit - tx0.Commit).TotalMilliseconds / count:0.00} ms; allocated {(GC.GetTotalAllocatedBytes() - allocated0) / 1024.0 / count:0} KB per request, GC pauses {(GC.GetTotalPauseDuration() - pause0).TotalMilliseconds / count:0.00} ms per request, collections gen0/1/2 {GC.CollectionCount(0) - gcs0.Item1}/{GC.CollectionCount(1) - gcs0.Item2}/{GC.CollectionCount(2) - gcs0.Item3}"));
    }
}
