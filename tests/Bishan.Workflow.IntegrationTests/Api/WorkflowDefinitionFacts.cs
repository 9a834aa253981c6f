using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using static Bishan.Workflow.IntegrationTests.Infrastructure.SampleFiles;
using static Bishan.Workflow.IntegrationTests.Infrastructure.TestWorkflows;

namespace Bishan.Workflow.IntegrationTests.Api;

[Collection(AppCollectionDefinition.Name)]
public sealed class WorkflowDefinitionFacts(BishanWebFactory factory)
{
    [Fact]
    public async Task Import_HelloWorldVector_ThenExecute_FinishesAndWritesHelloWorld()
    {
        var client = await factory.CreateAdminClientAsync();
        var imported = await (await client.ImportAsync(SampleBytes("BasicWorkflows/hello-world.json"))).ReadOkAsync();
        Assert.True(imported["isPublished"]!.GetValue<bool>());
        var definitionId = imported["definitionId"]!.GetValue<string>();

        var run = await client.ExecuteAsync(definitionId);

        Assert.Equal("Finished", run["status"]!.GetValue<string>());
        Assert.Equal("Finished", run["subStatus"]!.GetValue<string>());
        Assert.Equal(["Hello World!"], await client.JournalMessagesAsync(run["instanceId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Execute_AddressesTheDefinitionId_AndAcceptsNoBody()
    {
        var client = await factory.CreateAdminClientAsync();
        await (await client.ImportAsync(SampleBytes("RestApis/hello-world.json"))).ReadOkAsync();

        var run = await (await client.PostAsync("/api/workflow-definitions/3790068018ac4f02/execute", null)).ReadOkAsync();

        Assert.Equal("Finished", run["subStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Import_AcceptsUtf8Bom_TimerWorkflowVector()
    {
        var client = await factory.CreateAdminClientAsync();
        var bytes = SampleBytes("ImportAndPublish/timer-workflow.json");
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);

        var imported = await (await client.ImportAsync(bytes)).ReadOkAsync();

        Assert.Equal("d1d828033d9c2dcd", imported["definitionId"]!.GetValue<string>());
        Assert.True(imported["isPublished"]!.GetValue<bool>());
        await client.PostAsync("/api/workflow-definitions/d1d828033d9c2dcd/retract", null);
    }

    [Fact]
    public async Task Import_Returns400WithExactlyOneError_WhenCronExpressionIsBad()
    {
        var client = await factory.CreateAdminClientAsync();
        var response = await client.ImportAsync(SampleBytes("ImportAndPublish/bad-cron-expression.json"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal("13658e4b3bfafaaf", error["activityId"]!.GetValue<string>());
        Assert.Contains("cron expression", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Import_Returns400Problem_WhenJsonIsMalformed()
    {
        var client = await factory.CreateAdminClientAsync();
        var problem = await (await client.ImportAsync("{ \"definitionId\": \"broken\", ")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem["errors"]!.AsArray());
    }

    [Fact]
    public async Task Import_Returns400_WhenActivityTypeIsUnknown()
    {
        var client = await factory.CreateAdminClientAsync();
        var json = Sequence(NewId("unknown"), [Start(), Activity("mystery1", "Acme.DoesNotExist")]);

        var problem = await (await client.ImportAsync(json)).ReadProblemAsync(HttpStatusCode.BadRequest);

        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal("mystery1", error["activityId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_Returns404Problem_WhenDefinitionIsUnknown()
    {
        var client = await factory.CreateAdminClientAsync();
        await (await client.GetAsync("/api/workflow-definitions/no-such-definition")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsJsonAsync("/api/workflow-definitions/no-such-definition/execute", new { }))
            .ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Versions_PublishRetractRevert_KeepARunningInstanceOnItsVersion()
    {
        var client = await factory.CreateAdminClientAsync();
        var id = NewId("versions");
        var eventName = NewId("go");
        string Version(string text) => Sequence(id, [Start(), Event("wait1", eventName), WriteLine("write1", text)]);

        Assert.Equal(1, (await client.ImportOkAsync(Version("from v1")))["version"]!.GetValue<int>());
        var run = await client.ExecuteAsync(id);
        Assert.Equal("Suspended", run["subStatus"]!.GetValue<string>());
        var instanceId = run["instanceId"]!.GetValue<string>();

        // Re-importing an existing definition adds a draft; publishing it is a separate, deliberate step.
        var v2 = await client.ImportOkAsync(Version("from v2"));
        Assert.Equal(2, v2["version"]!.GetValue<int>());
        Assert.False(v2["isPublished"]!.GetValue<bool>());
        var v2Published = await (await client.PostAsync($"/api/workflow-definitions/{id}/publish?version=2", null)).ReadOkAsync();
        Assert.True(v2Published["isPublished"]!.GetValue<bool>());
        var draft = await client.ImportOkAsync(Version("from v3"), publish: false);
        Assert.Equal(3, draft["version"]!.GetValue<int>());
        Assert.False(draft["isPublished"]!.GetValue<bool>());

        var versions = await client.GetFromJsonAsync<JsonArray>($"/api/workflow-definitions/{id}/versions");
        Assert.Equal([1, 2, 3], versions!.Select(v => v!["version"]!.GetValue<int>()).Order());
        Assert.Equal(2, versions!.Single(v => v!["isPublished"]!.GetValue<bool>())!["version"]!.GetValue<int>());

        // The running instance resumes on version 1, whatever is published now.
        var triggered = await (await client.PostAsJsonAsync($"/api/events/{eventName}/trigger", new { workflowInstanceId = instanceId })).ReadOkAsync();
        Assert.Equal([instanceId], triggered["resumed"]!.AsArray().Select(x => x!.GetValue<string>()));
        var instance = await client.GetInstanceAsync(instanceId);
        Assert.Equal(1, instance["version"]!.GetValue<int>());
        Assert.Equal("Finished", instance["subStatus"]!.GetValue<string>());
        Assert.Equal(["from v1"], await client.JournalMessagesAsync(instanceId));

        var published = await (await client.PostAsync($"/api/workflow-definitions/{id}/publish?version=1", null)).ReadOkAsync();
        Assert.Equal(1, published["version"]!.GetValue<int>());
        var v1Run = await client.ExecuteAsync(id);
        Assert.Equal(1, (await client.GetInstanceAsync(v1Run["instanceId"]!.GetValue<string>()))["version"]!.GetValue<int>());

        var retracted = await (await client.PostAsync($"/api/workflow-definitions/{id}/retract", null)).ReadOkAsync();
        Assert.False(retracted["isPublished"]!.GetValue<bool>());
        var notPublished = await client.PostAsJsonAsync($"/api/workflow-definitions/{id}/execute", new { });
        Assert.True(notPublished.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict, notPublished.StatusCode.ToString());

        var reverted = await (await client.PostAsync($"/api/workflow-definitions/{id}/revert/2", null)).ReadOkAsync();
        Assert.Equal(4, reverted["version"]!.GetValue<int>());
        var document = JsonNode.Parse(await client.GetStringAsync($"/api/workflow-definitions/{id}?version=4"))!;
        Assert.Contains("from v2", document.ToJsonString());
    }

    [Fact]
    public async Task DeleteDraft_RemovesTheDraft_MakesThePreviousLatest_AndRefusesPublishedOrRunVersions()
    {
        var client = await factory.CreateAdminClientAsync();
        var id = NewId("delete");
        await client.ImportOkAsync(Sequence(id, [Start(), WriteLine("write1", "v1")]));
        var run = await client.ExecuteAsync(id);
        await client.ImportOkAsync(Sequence(id, [Start(), WriteLine("write1", "v2")]), publish: false);
        await client.ImportOkAsync(Sequence(id, [Start(), WriteLine("write1", "v3")]), publish: false);

        var deleted = await client.DeleteAsync($"/api/workflow-definitions/{id}/versions/3");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var versions = (await client.GetFromJsonAsync<JsonArray>($"/api/workflow-definitions/{id}/versions"))!;
        Assert.Equal([2, 1], versions.Select(v => v!["version"]!.GetValue<int>()));
        Assert.True(versions[0]!["isLatest"]!.GetValue<bool>());
        Assert.Contains("\"v2\"", await client.GetStringAsync($"/api/workflow-definitions/{id}"));

        var published = await client.DeleteAsync($"/api/workflow-definitions/{id}/versions/1");
        Assert.Contains("published", (await published.ReadProblemAsync(HttpStatusCode.Conflict)).ToJsonString());

        await (await client.PostAsync($"/api/workflow-definitions/{id}/retract", null)).ReadOkAsync();
        var withInstances = await client.DeleteAsync($"/api/workflow-definitions/{id}/versions/1");
        Assert.Contains("instance", (await withInstances.ReadProblemAsync(HttpStatusCode.Conflict)).ToJsonString());
        Assert.Equal(1, (await client.GetInstanceAsync(run["instanceId"]!.GetValue<string>()))["version"]!.GetValue<int>());

        await (await client.DeleteAsync($"/api/workflow-definitions/{id}/versions/9")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/workflow-definitions/{id}/versions/2")).StatusCode);
        var remaining = (await client.GetFromJsonAsync<JsonArray>($"/api/workflow-definitions/{id}/versions"))!;
        var only = Assert.Single(remaining)!;
        Assert.Equal(1, only["version"]!.GetValue<int>());
        Assert.True(only["isLatest"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Export_ReturnsJsonFileNamedAfterDefinitionAndVersion()
    {
        var client = await factory.CreateAdminClientAsync();
        var id = NewId("export");
        await client.ImportOkAsync(Sequence(id, [Start(), WriteLine("write1", "导出")]));

        var response = await client.GetAsync($"/api/workflow-definitions/{id}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{id}-v1.json", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var exported = JsonNode.Parse(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()))!;
        Assert.Equal(id, exported["definitionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_IncludesImportedDefinitions()
    {
        var client = await factory.CreateAdminClientAsync();
        var id = NewId("list");
        await client.ImportOkAsync(Sequence(id, [Start(), End()]));

        var list = await client.GetFromJsonAsync<JsonArray>("/api/workflow-definitions");

        Assert.Contains(list!, d => d!["definitionId"]!.GetValue<string>() == id);
    }
}
