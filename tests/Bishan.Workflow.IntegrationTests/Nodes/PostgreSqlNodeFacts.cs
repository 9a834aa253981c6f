using System.Diagnostics;
using System.Net;

namespace Bishan.Workflow.IntegrationTests.Nodes;

/// <summary>
/// Several app processes on one PostgreSQL database (server from <c>BISHAN_TEST_POSTGRES</c>): start-up work done once
/// under the advisory lock, data-protection keys shared, and a clear exit on a database that cannot be reached.
/// </summary>
[Collection(NodeCollectionDefinition.Name)]
public sealed class PostgreSqlNodeFacts : IAsyncLifetime
{
    private readonly string _workingDirectory = Path.Combine(Path.GetTempPath(), "bishan-nodes-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task UnreachableDatabase_ExitsNonZero_WithinFifteenSeconds_NamingTheSetting()
    {
        // Fail, never skip, without a server, as the other PostgreSQL facts do.
        var server = new Npgsql.NpgsqlConnectionStringBuilder(TestPostgres.Server)
        {
            Host = "127.0.0.1",
            Port = NodeProcess.FreePort(), // nothing listens there any more
            Database = "nodes_unreachable",
        };
        var watch = Stopwatch.StartNew();
        await using var node = NodeProcess.Start(_workingDirectory, PostgreSqlSettings(server.ConnectionString));
        var exitCode = await node.WaitForExitAsync(TimeSpan.FromSeconds(30));
        watch.Stop();

        Assert.NotEqual(0, exitCode);
        Assert.Contains("ConnectionStrings:Bishan", node.Output);
        Assert.Contains("Failed to connect", node.Output);
        Assert.DoesNotContain("   at ", node.Output); // no stack trace
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"exited after {watch.Elapsed.TotalSeconds:0.0} s:\n{node.Output}");
    }

    [Fact]
    public async Task TwoNodes_StartedTogether_OnAFreshDatabase_BothServe_SeedOnce_AndShareTokens()
    {
        await using var database = await TestPostgres.CreateAsync();
        var settings = PostgreSqlSettings(database.ConnectionString);
        await using var a = NodeProcess.Start(_workingDirectory, settings);
        await using var b = NodeProcess.Start(_workingDirectory, settings);
        await Task.WhenAll(a.WaitForHealthAsync(TimeSpan.FromSeconds(120)), b.WaitForHealthAsync(TimeSpan.FromSeconds(120)));

        // The demo users once each, and Hangfire's schema installed once (no 23505 from a second installer).
        var users = await database.ScalarAsync("""SELECT count(*) FROM "AspNetUsers" """);
        var distinctUsers = await database.ScalarAsync("""SELECT count(DISTINCT "NormalizedUserName") FROM "AspNetUsers" """);
        Assert.True(users > 0, "no demo users were seeded");
        Assert.Equal(distinctUsers, users);
        Assert.Equal(1, await database.ScalarAsync("""SELECT count(*) FROM "AspNetUsers" WHERE "NormalizedUserName" = 'ADMIN'"""));
        Assert.True(await database.ScalarAsync("SELECT count(*) FROM hangfire.schema") > 0);

        // A bearer token issued by A is accepted by B: both protect tokens with the keys stored in the database.
        using var fromA = await a.SignInAsync("caseworker");
        var onA = await fromA.GetAsync("/api/tasks?scope=mine");
        using var onBClient = new HttpClient { BaseAddress = b.BaseAddress };
        onBClient.DefaultRequestHeaders.Authorization = fromA.DefaultRequestHeaders.Authorization;
        var onB = await onBClient.GetAsync("/api/tasks?scope=mine");
        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);

        Assert.DoesNotContain("23505", a.Output + b.Output);
    }

    [Fact]
    public async Task DatabaseGoneMidRun_Answers503ProblemDetails_WithRetryAfter()
    {
        await using var database = await TestPostgres.CreateAsync();
        var target = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var line = new TcpForwarder(target.Host!, target.Port);
        var throughLine = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = line.Port };
        await using var node = NodeProcess.Start(_workingDirectory, PostgreSqlSettings(throughLine.ConnectionString));
        await node.WaitForHealthAsync(TimeSpan.FromSeconds(120));
        using var http = await node.SignInAsync("caseworker");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/tasks?scope=mine")).StatusCode);

        await line.CutAsync();
        var response = await http.GetAsync("/api/tasks?scope=mine");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
        Assert.Contains("数据库暂时不可用", body); // zh-CN, the default language
        Assert.DoesNotContain("   at ", body);

        using var english = new HttpRequestMessage(HttpMethod.Get, "/api/tasks?scope=mine") { Headers = { { "Accept-Language", "en" } } };
        var inEnglish = await http.SendAsync(english);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, inEnglish.StatusCode);
        Assert.Contains("The database is temporarily unavailable", await inEnglish.Content.ReadAsStringAsync());
    }

    private static Dictionary<string, string> PostgreSqlSettings(string connectionString) => new()
    {
        ["Storage:Provider"] = "PostgreSql",
        ["ConnectionStrings:Bishan"] = connectionString,
    };

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_workingDirectory);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder.
        }
        return Task.CompletedTask;
    }
}
