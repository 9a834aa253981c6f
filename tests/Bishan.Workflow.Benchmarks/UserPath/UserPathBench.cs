using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.IdNumbers;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bishan.Workflow.Benchmarks.UserPath;

/// <summary>
/// The path a user walks, measured through HTTP on the real host and a real database, one sequential client with
/// keep-alive, everything as a ratio to <c>GET /health</c> in the same run (the floor: HTTP and the client).
/// </summary>
internal static class UserPathBench
{
    public const int SeededCases = 10_000;
    public const int SeededTasks = 10_000;
    internal const string Password = "Bench#2026perf";
    private const string Caseworker = "caseworker";
    internal const string School = "school-bishan-middle";
    private const int HealthCalls = 2_000;
    private const int WriteCalls = 300;
    private const int ReadCalls = 200;

    public static async Task PrintAsync(string provider, Func<BenchTarget> target)
    {
        var t = target();
        // On SQLite the app's data directory is the scenario's folder (bishan.db and hangfire.db in it, removed by Drop).
        var dataDirectory = t.Database.IsPostgreSql
            ? Path.Combine(Path.GetTempPath(), "bishan-bench-app-" + Guid.NewGuid().ToString("N"))
            : Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(t.Database.ConnectionString).DataSource)!;
        Directory.CreateDirectory(dataDirectory);
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Storage:DataDirectory"] = dataDirectory,
                ["Seed:DemoPassword"] = Password,
                ["Workflows:Path"] = WorkflowsFolder(),
                ["SignIn:Throttle:AddressRequestsPerMinute"] = "1000",
            };
            if (t.Database.IsPostgreSql)
            {
                settings["Storage:Provider"] = "PostgreSql";
                settings["ConnectionStrings:Bishan"] = t.Database.ConnectionString;
            }

            var empty = await BuiltApp.MeasureAsync(settings, dataDirectory);
            var existing = await BuiltApp.MeasureAsync(settings, dataDirectory);
            var existingAgain = await BuiltApp.MeasureAsync(settings, dataDirectory);

            settings.Remove("ASPNETCORE_ENVIRONMENT");
            await using var host = new BenchHost(settings);
            using var client = host.StartAndCreateClient();
            await SignInAsync(client);
            await SeedAsync(host.Services);
            using var counter = new StatementCounter();
            var rows = await MeasureAsync(host.Services, client, counter);

            Console.WriteLine();
            Console.WriteLine($"User's path, {provider} ({SeededCases:N0} cases and {SeededTasks:N0} open tasks of one caseworker, one sequential client, load average {LoadAverage()}):");
            Console.WriteLine("| measure | rate | mean | p50 | ratio to /health | EF commands per request | round trips per request |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            var health = rows[0];
            foreach (var row in rows)
                Console.WriteLine($"| {row.Name} | {row.Rate:N0}/s | {row.Mean:0.00} ms | {row.P50:0.00} ms | " +
                                  $"{(row.IsWrite ? (row.Rate / health.Rate).ToString("0.00", CultureInfo.InvariantCulture) + " of the rate" : (row.Mean / health.Mean).ToString("0.0", CultureInfo.InvariantCulture) + "× the time")} | " +
                                  $"{row.Ef:0.#} | {(t.Database.IsPostgreSql ? row.RoundTrips.ToString("0.#", CultureInfo.InvariantCulture) : "-")} |");
            Console.WriteLine($"| start-up of the built app, empty database (to /health answering) | | {empty.ToHealthy.TotalMilliseconds:N0} ms | | | | |");
            Console.WriteLine($"| start-up of the built app, existing database | | {existing.ToHealthy.TotalMilliseconds:N0} ms, again {existingAgain.ToHealthy.TotalMilliseconds:N0} ms | | | | |");
            Console.WriteLine($"| first request after start (sign-in page) | | {empty.FirstRequest.TotalMilliseconds:N0} ms (empty), {existing.FirstRequest.TotalMilliseconds:N0} ms (existing) | | | | |");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            t.Drop();
            if (t.Database.IsPostgreSql && Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private sealed record Row(string Name, double Rate, double Mean, double P50, double Ef, double RoundTrips, bool IsWrite);

    private static async Task<List<Row>> MeasureAsync(IServiceProvider services, HttpClient client, StatementCounter counter)
    {
        var rows = new List<Row>();
        // Warm-up of every path first, so the JIT and the caches are the same for each measure.
        for (var i = 0; i < 200; i++) await GetOkAsync(client, "/health");
        rows.Add(await TimeAsync("GET /health (the floor)", HealthCalls, counter, false, _ => GetOkAsync(client, "/health")));

        var referrals = new List<string>();
        await TimeAsync("warm-up", 20, counter, true, async i => referrals.Add(await ReferAsync(client, 90_000 + i)));
        rows.Add(await TimeAsync("POST /api/referrals (case + case-intake to its screening task)", WriteCalls, counter, true,
            async i => referrals.Add(await ReferAsync(client, i))));
        await ProfileAsync(counter, "referral", async () => referrals.Add(await ReferAsync(client, 80_000)));

        var tasks = await ScreeningTasksAsync(services, referrals);
        var criteria = CriteriaAnswers(tasks[0].Task);
        await TimeAsync("warm-up", 20, counter, true, i => CompleteAsync(client, tasks[i].Task.Id, criteria));
        rows.Add(await TimeAsync("POST /api/tasks/{id}/complete (screening → approval task)", WriteCalls, counter, true,
            i => CompleteAsync(client, tasks[20 + i].Task.Id, criteria)));
        await ProfileAsync(counter, "completion", () => CompleteAsync(client, tasks[20 + WriteCalls].Task.Id, criteria));

        foreach (var (name, url) in new[]
                 {
                     ("inbox GET /api/tasks?scope=mine&status=open&take=25", "/api/tasks?scope=mine&status=open&take=25"),
                     ("case list GET /api/cases?take=25", "/api/cases?take=25"),
                     ("statistics overview GET /api/stats/overview", "/api/stats/overview"),
                 })
        {
            await TimeAsync("warm-up", 20, counter, false, _ => GetOkAsync(client, url));
            rows.Add(await TimeAsync(name, ReadCalls, counter, false, _ => GetOkAsync(client, url)));
            await ProfileAsync(counter, name.Split(' ')[0].Replace("statistics", "overview", StringComparison.Ordinal), () => GetOkAsync(client, url));
        }
        return rows;
    }

    /// <summary>With BISHAN_BENCH_SQL set to a folder: the EF Core commands of one request, written to {name}.sql there.</summary>
    private static async Task ProfileAsync(StatementCounter counter, string name, Func<Task> call)
    {
        var folder = Environment.GetEnvironmentVariable("BISHAN_BENCH_SQL");
        var trace = new List<string>();
        counter.Trace = trace;
        await call();
        counter.Trace = null;
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, name + ".sql"),
            string.Join("\n;\n", trace) + $"\n-- {trace.Count} EF Core commands\n");
    }

    private static async Task<Row> TimeAsync(string name, int count, StatementCounter counter, bool isWrite, Func<int, Task> call)
    {
        var times = new double[count];
        var (ef0, npg0) = counter.Read();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var one = Stopwatch.GetTimestamp();
            await call(i);
            times[i] = Stopwatch.GetElapsedTime(one).TotalMilliseconds;
        }
        var elapsed = total.Elapsed.TotalSeconds;
        var (ef1, npg1) = counter.Read();
        Array.Sort(times);
        return new Row(name, count / elapsed, times.Average(), times[count / 2], (ef1 - ef0) / (double)count, (npg1 - npg0) / (double)count, isWrite);
    }

    internal static async Task GetOkAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
    }

    internal static async Task SignInAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = Caseworker, password = Password });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Sign-in answered {(int)response.StatusCode}: {body}");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonNode.Parse(body)!["accessToken"]!.GetValue<string>());
    }

    internal static async Task<string> ReferAsync(HttpClient client, int n)
    {
        var dob = new DateOnly(2012, 1, 1).AddDays(n % 1500);
        var first17 = $"500227{dob:yyyyMMdd}{(n / 1500 % 500 * 2 + 1):000}";
        using var response = await client.PostAsJsonAsync("/api/referrals", new JsonObject
        {
            ["name"] = "基准" + n.ToString("00000", CultureInfo.InvariantCulture),
            ["gender"] = "Male",
            ["dateOfBirth"] = dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["idNumber"] = first17 + IdNumber.ComputeCheckCharacter(first17),
            ["orgUnitId"] = School,
            ["reason"] = "连续两周未到校。",
            ["suggestedAction"] = "DropoutPrevention",
            ["source"] = "班主任",
        });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"A referral answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["workflowInstanceId"]!.GetValue<string>();
    }

    internal static async Task CompleteAsync(HttpClient client, string taskId, JsonArray criteria)
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
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"A completion answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    internal sealed record OpenTask(WorkTask Task);

    internal static async Task<List<OpenTask>> ScreeningTasksAsync(IServiceProvider services, List<string> instanceIds)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BishanDbContext>();
        var result = new List<OpenTask>();
        foreach (var chunk in instanceIds.Chunk(200))
            result.AddRange((await db.WorkTasks.AsNoTracking()
                    .Where(t => t.InstanceId != null && chunk.Contains(t.InstanceId) && t.Status == WorkTaskStatus.Open).ToListAsync())
                .Select(t => new OpenTask(t)));
        if (result.Count < instanceIds.Count) throw new InvalidOperationException($"Only {result.Count} of {instanceIds.Count} referrals have an open task.");
        return result;
    }

    internal static JsonArray CriteriaAnswers(WorkTask task)
    {
        var field = TaskForms.Fields(task).Single(f => f.Type == FormFieldType.Criteria);
        var set = field.CriteriaSetFor(new JsonObject { ["proposedAction"] = "DropoutPrevention" })
                  ?? throw new InvalidOperationException("The screening form offers no criteria for DropoutPrevention.");
        return new JsonArray(set.Items.Where(i => i.Required)
            .Select(i => (JsonNode?)new JsonObject { ["id"] = i.Id, ["evidence"] = "已核实：" + i.TextZh }).ToArray());
    }

    /// <summary>10,000 cases at the caseworker's school (a mix of statuses) and 10,000 open tasks assigned to them.</summary>
    internal static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BishanDbContext>();
        var caseworkerId = await db.Users.Where(u => u.UserName == Caseworker).Select(u => u.Id).SingleAsync();
        var tree = Bishan.Workflow.Cases.Organisation.OrgUnitSeed.Tree;
        var area = tree.AreaOf(School) ?? "";
        var now = DateTime.UtcNow;
        var statuses = new[] { CaseStatus.Registered, CaseStatus.Screening, CaseStatus.Referred, CaseStatus.Exited };
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < SeededCases; i++)
        {
            var caseId = Guid.CreateVersion7().ToString("N");
            var status = statuses[i % statuses.Length];
            db.Cases.Add(new Case
            {
                Id = caseId, FileNumber = "BENCH-" + i.ToString("00000", CultureInfo.InvariantCulture), Name = "种子" + i.ToString(CultureInfo.InvariantCulture),
                Gender = i % 2 == 0 ? Gender.Male : Gender.Female, DateOfBirth = new DateOnly(2010, 1, 1).AddDays(i % 2000),
                OrgUnitId = School, AreaId = area, Status = status, CaseworkerUserId = caseworkerId,
                PrimaryAction = status is CaseStatus.Registered or CaseStatus.Exited ? FiveAction.DropoutPrevention : null,
                Tier = status is CaseStatus.Registered or CaseStatus.Exited ? Tier.Light : null,
                RegistrationCount = status is CaseStatus.Registered or CaseStatus.Exited ? 1 : 0,
                ReferralReason = "基准数据。", CreatedAtUtc = now.AddMinutes(-i), UpdatedAtUtc = now.AddMinutes(-i),
            });
            if (i < SeededTasks)
                db.WorkTasks.Add(new WorkTask
                {
                    Id = Guid.CreateVersion7().ToString("N"), CaseId = caseId, Kind = WorkTaskKinds.Task, Title = "跟进帮扶",
                    AssigneeRule = "case.caseworker", AssigneeUserId = caseworkerId, OrgUnitId = School, Status = WorkTaskStatus.Open,
                    DueAtUtc = now.AddDays(7 - i % 14), CreatedAtUtc = now.AddMinutes(-i),
                });
            if (i % 2_000 == 1_999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
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

    internal static string WorkflowsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bishan.Workflow.sln")))
                return Path.Combine(dir.FullName, "workflows");
        throw new DirectoryNotFoundException("The repository's workflows folder was not found above the benchmark's output.");
    }
}
