using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Bishan.Workflow.NodeTests;

/// <summary>What users of either node see when both run on one database: one set of users, tokens valid on both,
/// distinct file numbers under load, and a task completed once however many clicks race for it.</summary>
[Collection(TwoNodesCollectionDefinition.Name)]
public sealed class SharedDatabaseFacts(TwoNodes nodes, ITestOutputHelper output)
{
    private const string Caseworker = "caseworker";
    private const string Admin = "admin";

    [Fact]
    public async Task Startup_BothNodesHealthyWithOneSetOfDemoUsers_WhenStartedAtTheSameMoment()
    {
        await nodes.EnsureBothRunningAsync();
        output.WriteLine($"Both nodes healthy {nodes.StartupTime.TotalSeconds:0.0} s after starting them together.");

        foreach (var node in new[] { nodes.A, nodes.B })
        {
            using var http = new HttpClient { BaseAddress = node.BaseAddress };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        }
        // Both nodes seeded at start-up: each demo user must still be there once, not once per node.
        Assert.Equal(1, await nodes.Database.ScalarAsync<long>("""SELECT count(*) FROM "AspNetUsers" WHERE "UserName" = 'admin'"""));
        var duplicated = await nodes.Database.RowsAsync(
            """SELECT "NormalizedUserName", count(*) AS n FROM "AspNetUsers" GROUP BY "NormalizedUserName" HAVING count(*) > 1""");
        Assert.True(duplicated.Count == 0,
            "User names stored more than once: " + string.Join(", ", duplicated.Select(r => $"{r["NormalizedUserName"]} ×{r["n"]}")));
        Assert.Equal(1, await nodes.Database.ScalarAsync<long>("""SELECT count(*) FROM "AspNetRoles" WHERE "Name" = 'Administrator'"""));
    }

    [Fact]
    public async Task BearerToken_IsAcceptedByNodeB_WhenIssuedByNodeA()
    {
        await nodes.EnsureBothRunningAsync();
        var token = await nodes.A.TokenAsync(Admin);

        using var onB = nodes.B.Client(token);
        var answer = await onB.GetAsync("/api/workflow-definitions");
        using var anonymous = new HttpClient { BaseAddress = nodes.B.BaseAddress };
        var refused = await anonymous.GetAsync("/api/workflow-definitions");

        Assert.True(answer.StatusCode == HttpStatusCode.OK,
            $"Node B answered {(int)answer.StatusCode} to node A's token: {await answer.Content.ReadAsStringAsync()}");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Referrals_AllCreatedWithDistinctFileNumbers_WhenHundredArriveAtOnceOnBothNodes()
    {
        await nodes.EnsureBothRunningAsync();
        const int count = 100;
        var token = await nodes.A.TokenAsync(Caseworker);
        using var a = nodes.A.Client(token);
        using var b = nodes.B.Client(token);

        var watch = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var node = i % 2 == 0 ? a : b;
            var own = Stopwatch.StartNew();
            var response = await node.ReferAsync();
            return (Node: i % 2 == 0 ? "A" : "B", response.StatusCode, Body: await response.Content.ReadAsStringAsync(), own.Elapsed);
        }));
        watch.Stop();
        var latencies = answers.Select(x => x.Elapsed.TotalMilliseconds).Order().ToList();
        output.WriteLine($"{count} concurrent referrals on two nodes answered in {watch.Elapsed.TotalSeconds:0.0} s " +
                         $"(each: median {latencies[count / 2]:0} ms, slowest {latencies[^1]:0} ms).");
        // A few one after another on the warmed-up nodes, for comparison: the file-number counter's row lock is held
        // until each referral's transaction commits, so a burst cannot be much faster than this per referral.
        watch.Restart();
        for (var i = 0; i < 5; i++) await (await (i % 2 == 0 ? a : b).ReferAsync()).ReadOkAsync("a referral on its own");
        output.WriteLine($"Then 5 referrals one after another: {watch.Elapsed.TotalMilliseconds / 5:0} ms each.");

        var failed = answers.Where(x => x.StatusCode != HttpStatusCode.Created).ToList();
        Assert.True(failed.Count == 0,
            $"{failed.Count} of {count} referrals were not created (201): " +
            string.Join(" | ", failed.GroupBy(f => $"{f.Node} {(int)f.StatusCode}").Select(g => $"{g.Count()}× node {g.Key}: {g.First().Body}")));

        var caseIds = answers.Select(x => JsonNode.Parse(x.Body)!["caseId"]!.GetValue<string>()).ToList();
        var fileNumbers = await Task.WhenAll(caseIds.Select(async (id, i) =>
        {
            var file = await (await (i % 2 == 0 ? b : a).GetAsync($"/api/cases/{id}")).ReadOkAsync($"case file {id}");
            return file["profile"]!["fileNumber"]!.GetValue<string>();
        }));
        var repeated = fileNumbers.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}").ToList();
        Assert.True(repeated.Count == 0, "File numbers given to more than one case: " + string.Join(", ", repeated));
        Assert.Equal(count, fileNumbers.Distinct().Count());
        Assert.All(fileNumbers, n => Assert.Matches(@"^BS-\d{4}-\d{4,}$", n));
    }

    [Fact]
    public async Task CompleteTask_OneRacerWinsAndTheOthersGet409_WhenFiveRaceOnBothNodes()
    {
        await nodes.EnsureBothRunningAsync();
        const int tasks = 6;
        const int racers = 5;
        var token = await nodes.A.TokenAsync(Caseworker);
        using var a = nodes.A.Client(token);
        using var b = nodes.B.Client(token);

        var caseIds = new List<string>();
        for (var i = 0; i < tasks; i++)
            caseIds.Add((await (await (i % 2 == 0 ? a : b).ReferAsync()).ReadOkAsync("referral"))["caseId"]!.GetValue<string>());
        // Each referral's case-intake opens a screening task for the school's caseworker.
        var open = await Api.WaitForAsync(async () => (await (await b.GetAsync("/api/tasks?scope=mine&status=open&take=500")).ReadOkAsync("inbox"))["items"]!
                .AsArray().OfType<JsonNode>().Where(t => caseIds.Contains(t["caseId"]?.GetValue<string>() ?? "")).ToList(),
            list => list.Count == tasks, TimeSpan.FromSeconds(20));
        Assert.True(open.Count == tasks, $"Expected {tasks} open screening tasks in the caseworker's inbox, found {open.Count}.");

        // Every racer waits for the same signal, so the requests of one task leave together.
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var races = open.Select(task =>
        {
            var id = task["id"]!.GetValue<string>();
            var body = new { outcome = "NotEligible", data = new { screeningReason = "经核实已正常到校。" } };
            return (Task: task, Answers: Task.WhenAll(Enumerable.Range(0, racers).Select(async r =>
            {
                await go.Task;
                var response = await (r % 2 == 0 ? a : b).PostAsJsonAsync($"/api/tasks/{id}/complete", body);
                return (Node: r % 2 == 0 ? "A" : "B", response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            })));
        }).ToList();
        var watch = Stopwatch.StartNew();
        go.SetResult();
        await Task.WhenAll(races.Select(r => r.Answers));
        output.WriteLine($"{tasks} tasks × {racers} racers on two nodes answered in {watch.Elapsed.TotalSeconds:0.0} s.");

        foreach (var (task, answersTask) in races)
        {
            var id = task["id"]!.GetValue<string>();
            var caseId = task["caseId"]!.GetValue<string>();
            var answers = await answersTask;
            var summary = string.Join(" | ", answers.Select(x => $"node {x.Node}: {(int)x.StatusCode} {Shorten(x.Body)}"));
            Assert.True(answers.Count(x => (int)x.StatusCode is >= 200 and < 300) == 1, $"Task {id}: not exactly one racer won: {summary}");
            Assert.True(answers.Count(x => x.StatusCode == HttpStatusCode.Conflict) == racers - 1, $"Task {id}: the losers did not all get 409: {summary}");

            var file = await (await a.GetAsync($"/api/cases/{caseId}")).ReadOkAsync($"case file {caseId}");
            var completions = file["timeline"]!.AsArray().OfType<JsonNode>()
                .Count(t => t["kind"]!.GetValue<string>() == "TaskCompleted" && t["taskId"]?.GetValue<string>() == id);
            Assert.True(completions == 1, $"Task {id}: the case's timeline shows {completions} completions.");
            Assert.Equal(1, await nodes.Database.ScalarAsync<long>(
                """SELECT count(*) FROM "AuditEntries" WHERE "Action" = 'task.complete' AND "EntityId" = $1""", id));
            Assert.Equal("Completed", await nodes.Database.ScalarAsync<string>("""SELECT "Status" FROM "WorkTasks" WHERE "Id" = $1""", id));
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
