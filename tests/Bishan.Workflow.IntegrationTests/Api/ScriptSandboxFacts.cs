using System.Net;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using static Bishan.Workflow.IntegrationTests.Infrastructure.TestWorkflows;

namespace Bishan.Workflow.IntegrationTests.Api;

/// <summary>
/// Hostile scripts sent through the HTTP API: each faults only its own instance with a clear incident,
/// nothing after the script runs, and the server keeps answering.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class ScriptSandboxFacts(BishanWebFactory factory)
{
    [Theory]
    [InlineData("while (true) { }", "statements")]
    [InlineData("let s = 'x'; const a = []; while (true) { s = s + s; a.push(s); }", "MB")]
    [InlineData("return System.IO.File.ReadAllText('/etc/passwd');", "System is not defined")]
    [InlineData("return importNamespace('System').Environment.Exit(1);", "importNamespace is not defined")]
    [InlineData("return this.constructor.constructor('return process')().exit(1);", "process is not defined")]
    [InlineData("return (function f() { return f(); })();", "recursion")]
    public async Task Execute_FaultsWithClearIncident_WhenScriptIsHostile(string script, string expectedInMessage)
    {
        var client = await factory.CreateAdminClientAsync();
        var id = NewId("sandbox");
        var run = Activity("script1", "Elsa.RunJavaScript", ("script", script));
        await client.ImportOkAsync(Sequence(id, [Start(), run, WriteLine("after1", "must not be written")]));

        var started = await client.ExecuteAsync(id);

        Assert.Equal("Faulted", started["subStatus"]!.GetValue<string>());
        var instance = await client.GetInstanceAsync(started["instanceId"]!.GetValue<string>());
        var incident = Assert.Single(instance["incidents"]!.AsArray())!;
        Assert.Equal("script1", incident["activityId"]!.GetValue<string>());
        Assert.Contains(expectedInMessage, incident["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("must not be written", await client.JournalMessagesAsync(started["instanceId"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Import_Returns400_WhenScriptDoesNotParse()
    {
        var client = await factory.CreateAdminClientAsync();
        var id = NewId("syntax");
        var bad = Activity("script1", "Elsa.RunJavaScript", ("script", "return {;"));

        var problem = await (await client.ImportAsync(Sequence(id, [Start(), bad]))).ReadProblemAsync(HttpStatusCode.BadRequest);

        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal("script1", error["activityId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/workflow-definitions/{id}")).StatusCode);
    }
}
