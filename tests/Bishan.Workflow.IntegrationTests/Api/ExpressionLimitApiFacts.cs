using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using static Bishan.Workflow.IntegrationTests.Infrastructure.TestWorkflows;

namespace Bishan.Workflow.IntegrationTests.Api;

/// <summary>
/// Issue 13 through the HTTP API: a hostile Liquid template faults its instance with an incident naming the limit, in
/// the reader's language; definitions that were accepted but wrong are refused with field errors.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class ExpressionLimitApiFacts(BishanWebFactory factory)
{
    private static JsonObject LiquidLine(string id, string template) => new()
    {
        ["id"] = id,
        ["type"] = "Elsa.WriteLine",
        ["text"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Liquid", ["value"] = template } },
    };

    private async Task<HttpClient> ClientAsync(string language)
    {
        var client = await factory.CreateAdminClientAsync();
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    [Theory]
    [InlineData("en", "Liquid stopped at the iteration limit")]
    [InlineData("zh-CN", "Liquid 表达式超过循环次数上限")]
    public async Task Execute_HostileLiquidLoop_FaultsNamingTheIterationLimit(string language, string expected)
    {
        var client = await ClientAsync(language);
        var id = NewId("liquid-bomb");
        await client.ImportOkAsync(Sequence(id,
            [Start(), LiquidLine("bomb1", "{% for i in (1..100000000) %}xxxxxxxxxx{% endfor %}"), WriteLine("after1", "must not be written")]));

        var started = await client.ExecuteAsync(id);

        Assert.Equal("Faulted", started["subStatus"]!.GetValue<string>());
        var instanceId = started["instanceId"]!.GetValue<string>();
        var instance = await client.GetInstanceAsync(instanceId);
        Assert.Equal("Faulted", instance["subStatus"]!.GetValue<string>());
        var incident = Assert.Single(instance["incidents"]!.AsArray())!;
        Assert.Equal("bomb1", incident["activityId"]!.GetValue<string>());
        Assert.Equal("ExpressionLimit.Iterations", incident["code"]!.GetValue<string>());
        Assert.StartsWith(expected, incident["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Workflows:Expressions:MaxIterations", incident["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("must not be written", await client.JournalMessagesAsync(instanceId));
    }

    public static TheoryData<string, string> WrongDefinitions => new()
    {
        { """{"definitionId":"shape-activities-object","root":{"id":"flow1","type":"Elsa.Flowchart","activities":{}}}""", "activities" },
        { Delay("shape-negative-delay", "-00:00:05"), "timeSpan" },
        { Delay("shape-endless-delay", TimeSpan.MaxValue.ToString("c", System.Globalization.CultureInfo.InvariantCulture)), "timeSpan" },
        { Sequence(new string('d', 100_000), [Start()]), "definitionId" },
        { Sequence("bad id/with slash", [Start()]), "definitionId" },
        { Sequence(NewId("shape-activity-id"), [Activity(new string('a', 101), "Elsa.WriteLine", ("text", "x"))]), "id" },
    };

    [Theory]
    [MemberData(nameof(WrongDefinitions))]
    public async Task Import_WrongDefinition_Returns400WithTheField(string json, string field)
    {
        var client = await ClientAsync("en");

        var problem = await (await client.ImportAsync(json)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(problem["errors"]!.AsArray(), e => e!["field"]?.GetValue<string>() == field);
    }

    [Fact]
    public async Task Import_NegativeDelay_IsRefusedInChinese_ByDefault()
    {
        var client = await factory.CreateAdminClientAsync();

        var problem = await (await client.ImportAsync(Delay(NewId("shape-zh"), "-00:00:05"))).ReadProblemAsync(HttpStatusCode.BadRequest);

        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal("输入“timeSpan”：时长 -00:00:05 不能为负数。", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Import_TooManyActivities_IsRefused()
    {
        var client = await ClientAsync("en");
        var many = Enumerable.Range(1, 501).Select(i => WriteLine($"w{i}", "x")).ToList();

        var problem = await (await client.ImportAsync(Sequence(NewId("shape-many"), many))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(problem["errors"]!.AsArray(), e => e!["field"]?.GetValue<string>() == "activities"
                                                         && e["message"]!.GetValue<string>().Contains("at most 500", StringComparison.Ordinal));
    }

    private static string Delay(string definitionId, string timeSpan) =>
        Sequence(definitionId, [Start(), Activity("wait1", "Elsa.Delay", ("timeSpan", timeSpan))]);
}
