using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bishan.Workflow.Benchmarks.UserPath;

/// <summary>
/// <c>-- nodes [tasksPerClient]</c> (issue 15's last target): task completions per second with 8 concurrent clients on two
/// nodes of the built app sharing one PostgreSQL database, against one client on one built app on SQLite, in one run.
/// Every client signs in as the caseworker on its node and completes screening tasks (Eligible, as <c>http</c> does)
/// taken from one shared queue, so each task is sent once; afterwards a contested round sends each of some more tasks
/// from two clients on different nodes at the same moment, where exactly one may succeed and the other must get 409.
/// The exactly-once check reads the database: every task completed once, its workflow moved on once (one approval task
/// per instance), no 5xx.
/// </summary>
internal static class NodesBench
{
    private const int Clients = 8;
    private const int WarmUpPerClient = 5;
    private const int SqliteCompletions = 200;
    private const int SqliteWarmUp = 20;
    private const int Contested = 80;

    public static async Task PrintAsync(string? server, int tasksPerClient)
    {
        if (string.IsNullOrWhiteSpace(server))
        {
            Console.WriteLine("\nnodes: needs a PostgreSQL server (set BISHAN_BENCH_POSTGRES to a server connection string).");
            return;
        }
        Console.WriteLine($"\nnodes: load average {LoadAverage()} at the start");
        var sqlite = await SqliteSingleClientAsync();
        var postgres = await PostgresTwoNodesAsync(server, tasksPerClient);

        Console.WriteLine();
        Console.WriteLine($"Completions, built app (one sequential client on SQLite; {Clients} clients, {Clients / 2} per node, on two nodes sharing PostgreSQL), load average {LoadAverage()}:");
        Console.WriteLine("| measure | completions | seconds | completions/s | 409 | 5xx | exactly once |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Console.WriteLine(sqlite.Row("SQLite, one node, 1 client"));
        Console.WriteLine(postgres.Measured.Row($"PostgreSQL, two nodes, {Clients} clients"));
        Console.WriteLine(postgres.Contest.Row($"PostgreSQL, contested: {Contested} tasks each sent by two clients on different nodes at once"));
        Console.WriteLine($"| ratio {Clients} clients on two PostgreSQL nodes : 1 client on SQLite | | | {postgres.Measured.Rate / sqlite.Rate:0.00}× (target ≥ 3×) | | | |");
        Console.WriteLine($"PostgreSQL nodes started together on the empty database: /health after {postgres.StartA.TotalMilliseconds:N0} ms and {postgres.StartB.TotalMilliseconds:N0} ms; " +
                          $"referrals seeding the tasks: {postgres.ReferralRate:N0}/s with {Clients} clients (SQLite, 1 client: {sqlite.ReferralRate:N0}/s).");
        Console.WriteLine($"CPU, SQLite with 1 client: {sqlite.Cpu}.");
        Console.WriteLine($"CPU, PostgreSQL with {Clients} clients on two nodes: {postgres.Measured.Cpu}.");
    }

    private sealed record Phase(int Completed, double Seconds, int Conflicts, int ServerErrors, string ExactlyOnce, double ReferralRate = 0,
        string Cpu = "")
    {
        public double Rate => Completed / Seconds;

        public string Row(string name) =>
            $"| {name} | {Completed:N0} | {Seconds:0.0} | {Rate:N1} | {Conflicts} | {ServerErrors} | {ExactlyOnce} |";
    }

    private sealed record TwoNodes(Phase Measured, Phase Contest, TimeSpan StartA, TimeSpan StartB, double ReferralRate);

    private static async Task<Phase> SqliteSingleClientAsync()
    {
        var target = BenchTarget.Sqlite();
        var dataDirectory = Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(target.Database.ConnectionString).DataSource)!;
        Directory.CreateDirectory(dataDirectory);
        var database = DatabaseOptions.SqliteFile(Path.Combine(dataDirectory, "bishan.db"));
        try
        {
            await using var app = await BuiltApp.StartAsync(Settings(dataDirectory, null), dataDirectory);
            using var client = Client(app);
            await UserPathBench.SignInAsync(client);
            var referralClock = Stopwatch.StartNew();
            var instances = new List<string>();
            for (var i = 0; i < SqliteWarmUp + SqliteCompletions; i++) instances.Add(await UserPathBench.ReferAsync(client, i));
            var referralRate = instances.Count / referralClock.Elapsed.TotalSeconds;

            await using var services = Services(database);
            var tasks = await UserPathBench.ScreeningTasksAsync(services, instances);
            var criteria = UserPathBench.CriteriaAnswers(tasks[0].Task);
            var outcomes = new Outcomes();
            for (var i = 0; i < SqliteWarmUp; i++) await outcomes.CompleteAsync(client, tasks[i].Task.Id, criteria);
            var cpu0 = CpuMeter.Read();
            var clock = Stopwatch.StartNew();
            for (var i = SqliteWarmUp; i < tasks.Count; i++) await outcomes.CompleteAsync(client, tasks[i].Task.Id, criteria);
            var seconds = clock.Elapsed.TotalSeconds;
            var cpu = CpuMeter.Read() - cpu0;
            var check = await ExactlyOnceAsync(services, tasks, outcomes);
            return new Phase(tasks.Count - SqliteWarmUp, seconds, outcomes.Conflicts, outcomes.ServerErrors, check, referralRate,
                cpu.PerItem(tasks.Count - SqliteWarmUp, "completion"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            target.Drop();
        }
    }

    private static async Task<TwoNodes> PostgresTwoNodesAsync(string server, int tasksPerClient)
    {
        var target = BenchTarget.PostgreSql(server);
        var folders = new[] { TempFolder(), TempFolder() };
        try
        {
            // Both nodes start at the same moment on the empty database: one does the start-up work under the lock.
            var starting = folders.Select(f => BuiltApp.StartAsync(Settings(f, target.Database.ConnectionString), f)).ToArray();
            await using var nodeA = await starting[0];
            await using var nodeB = await starting[1];
            var nodes = new[] { nodeA, nodeB };
            var clients = Enumerable.Range(0, Clients).Select(i => Client(nodes[i % 2])).ToArray();
            try
            {
                foreach (var client in clients) await UserPathBench.SignInAsync(client);

                // The tasks: referrals from all clients at once (each referral runs case-intake to its screening task).
                var perClient = WarmUpPerClient + tasksPerClient + Contested / Clients;
                var instances = new ConcurrentBag<string>();
                var referralClock = Stopwatch.StartNew();
                await Task.WhenAll(clients.Select(async (client, c) =>
                {
                    for (var i = 0; i < perClient; i++) instances.Add(await UserPathBench.ReferAsync(client, c * 1_000 + i));
                }));
                var referralRate = instances.Count / referralClock.Elapsed.TotalSeconds;

                await using var services = Services(target.Database);
                var tasks = await UserPathBench.ScreeningTasksAsync(services, [.. instances]);
                var criteria = UserPathBench.CriteriaAnswers(tasks[0].Task);
                var outcomes = new Outcomes();

                // Warm-up: each client completes a few tasks, so both nodes have compiled the path.
                var next = -1;
                await Task.WhenAll(clients.Select(async client =>
                {
                    for (var i = 0; i < WarmUpPerClient; i++)
                        await outcomes.CompleteAsync(client, tasks[Interlocked.Increment(ref next)].Task.Id, criteria);
                }));

                var measuredEnd = tasks.Count - Contested;
                var before = outcomes.Completed;
                var cpu0 = CpuMeter.Read();
                var clock = Stopwatch.StartNew();
                await Task.WhenAll(clients.Select(async client =>
                {
                    for (var i = Interlocked.Increment(ref next); i < measuredEnd; i = Interlocked.Increment(ref next))
                        await outcomes.CompleteAsync(client, tasks[i].Task.Id, criteria);
                }));
                var seconds = clock.Elapsed.TotalSeconds;
                var cpu = CpuMeter.Read() - cpu0;
                var measured = new Phase(outcomes.Completed - before, seconds, outcomes.Conflicts, outcomes.ServerErrors, "",
                    Cpu: cpu.PerItem(outcomes.Completed - before, "completion"));

                // Contested: each task sent by one client of each node at the same moment.
                var contest = new Outcomes();
                var contestClock = Stopwatch.StartNew();
                var pairs = Enumerable.Range(0, Clients / 2).Select(p => (clients[2 * p], clients[2 * p + 1])).ToArray();
                var contestNext = measuredEnd - 1;
                await Task.WhenAll(pairs.Select(async pair =>
                {
                    for (var i = Interlocked.Increment(ref contestNext); i < tasks.Count; i = Interlocked.Increment(ref contestNext))
                        await Task.WhenAll(contest.CompleteAsync(pair.Item1, tasks[i].Task.Id, criteria),
                            contest.CompleteAsync(pair.Item2, tasks[i].Task.Id, criteria));
                }));
                var contestSeconds = contestClock.Elapsed.TotalSeconds;

                var all = new Outcomes();
                all.Add(outcomes);
                all.Add(contest);
                var check = await ExactlyOnceAsync(services, tasks, all);
                var measuredCheck = measured with { ExactlyOnce = check };
                var contestPhase = new Phase(contest.Completed, contestSeconds, contest.Conflicts, contest.ServerErrors, check);
                return new TwoNodes(measuredCheck, contestPhase, nodeA.ToHealthy, nodeB.ToHealthy, referralRate);
            }
            finally
            {
                foreach (var client in clients) client.Dispose();
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            target.Drop();
            foreach (var folder in folders)
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>What the completions answered, counted across clients.</summary>
    private sealed class Outcomes
    {
        private int _completed, _conflicts, _serverErrors;
        private readonly ConcurrentDictionary<string, int> _successes = new(StringComparer.Ordinal);

        public int Completed => _completed;
        public int Conflicts => _conflicts;
        public int ServerErrors => _serverErrors;
        public ConcurrentDictionary<string, int> Successes => _successes;

        public async Task CompleteAsync(HttpClient client, string taskId, JsonArray criteria)
        {
            using var response = await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new JsonObject
            {
                ["outcome"] = "Eligible",
                ["data"] = new JsonObject
                {
                    ["proposedAction"] = "DropoutPrevention",
                    ["proposedTier"] = "Light",
                    ["entryCriteria"] = criteria.DeepClone(),
                    ["screeningReason"] = "符合条件。",
                },
            });
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref _completed);
                _successes.AddOrUpdate(taskId, 1, (_, n) => n + 1);
            }
            else if (response.StatusCode == HttpStatusCode.Conflict) Interlocked.Increment(ref _conflicts);
            else if ((int)response.StatusCode >= 500) Interlocked.Increment(ref _serverErrors);
            else
                throw new InvalidOperationException($"A completion answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        public void Add(Outcomes other)
        {
            _completed += other._completed;
            _conflicts += other._conflicts;
            _serverErrors += other._serverErrors;
            foreach (var (id, n) in other._successes) _successes.AddOrUpdate(id, n, (_, m) => m + n);
        }
    }

    /// <summary>
    /// Each task answered 200 exactly once, is Completed in the database, and its instance moved on exactly once: one
    /// completed task and one open registration approval, nothing else (a second completion would have resumed it again).
    /// </summary>
    private static async Task<string> ExactlyOnceAsync(IServiceProvider services, List<UserPathBench.OpenTask> tasks, Outcomes outcomes)
    {
        var problems = new List<string>();
        var twice = outcomes.Successes.Count(s => s.Value != 1);
        if (twice > 0) problems.Add($"{twice} tasks answered 200 more than once");
        var unanswered = tasks.Count(t => !outcomes.Successes.ContainsKey(t.Task.Id));
        if (unanswered > 0) problems.Add($"{unanswered} tasks never answered 200");
        if (outcomes.ServerErrors > 0) problems.Add($"{outcomes.ServerErrors} answers 5xx");

        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BishanDbContext>();
        var instanceIds = tasks.Select(t => t.Task.InstanceId!).ToList();
        var rows = new List<(string? Instance, WorkTaskStatus Status)>();
        foreach (var chunk in instanceIds.Chunk(200))
            rows.AddRange((await db.WorkTasks.AsNoTracking().Where(t => t.InstanceId != null && chunk.Contains(t.InstanceId))
                .Select(t => new { t.InstanceId, t.Status }).ToListAsync()).Select(r => (r.InstanceId, r.Status)));
        var byInstance = rows.GroupBy(r => r.Instance, StringComparer.Ordinal).ToDictionary(g => g.Key!, g => g.ToList(), StringComparer.Ordinal);
        var wrong = instanceIds.Count(id => !byInstance.TryGetValue(id, out var list) || list.Count != 2 ||
                                            list.Count(r => r.Status == WorkTaskStatus.Completed) != 1 ||
                                            list.Count(r => r.Status == WorkTaskStatus.Open) != 1);
        if (wrong > 0) problems.Add($"{wrong} instances without exactly one completed task and one open approval");
        return problems.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"yes ({tasks.Count:N0} tasks)")
            : "NO: " + string.Join("; ", problems);
    }

    private static Dictionary<string, string> Settings(string dataDirectory, string? postgres)
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage:DataDirectory"] = dataDirectory,
            ["Seed:DemoPassword"] = UserPathBench.Password,
            ["Workflows:Path"] = UserPathBench.WorkflowsFolder(),
            ["SignIn:Throttle:AddressRequestsPerMinute"] = "1000",
        };
        if (postgres is not null)
        {
            settings["Storage:Provider"] = "PostgreSql";
            settings["ConnectionStrings:Bishan"] = postgres;
        }
        return settings;
    }

    private static HttpClient Client(BuiltApp app) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(60) };

    private static ServiceProvider Services(DatabaseOptions database) =>
        new ServiceCollection().AddSingleton(TimeProvider.System).AddWorkflowPersistence(database).BuildServiceProvider();

    private static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bishan-bench-node-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
