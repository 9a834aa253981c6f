using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using static Bishan.Workflow.IntegrationTests.Infrastructure.TestWorkflows;

namespace Bishan.Workflow.IntegrationTests.Api;

[Collection(AppCollectionDefinition.Name)]
public sealed class EventAndBookmarkFacts(BishanWebFactory factory)
{
    [Fact]
    public async Task TriggerEvent_StartsTriggeredWorkflowsAndResumesOnlyTheCorrelatedInstance()
    {
        var client = await factory.CreateAdminClientAsync();
        var eventName = NewId("referred");
        var starter = NewId("event-start");
        var waiter = NewId("event-wait");
        await client.ImportOkAsync(Sequence(starter, [Trigger(Event("event1", eventName)), WriteLine("write1", "started by event")]));
        await client.ImportOkAsync(Sequence(waiter, [Start(), Event("wait1", eventName), WriteLine("write1", "resumed by event")]));
        var mine = (await client.ExecuteAsync(waiter, new { correlationId = "case-1" }))["instanceId"]!.GetValue<string>();
        var other = (await client.ExecuteAsync(waiter, new { correlationId = "case-2" }))["instanceId"]!.GetValue<string>();

        var result = await (await client.PostAsJsonAsync($"/api/events/{eventName}/trigger",
            new { correlationId = "case-1", input = new { note = "hi" } })).ReadOkAsync();

        Assert.Equal([mine], result["resumed"]!.AsArray().Select(x => x!.GetValue<string>()));
        var started = Assert.Single(result["started"]!.AsArray())!.GetValue<string>();
        Assert.Equal(["started by event"], await client.JournalMessagesAsync(started));
        Assert.Equal("Finished", (await client.GetInstanceAsync(mine))["subStatus"]!.GetValue<string>());
        Assert.Equal("Suspended", (await client.GetInstanceAsync(other))["subStatus"]!.GetValue<string>());

        // No correlation id and no instance id: every bookmark and trigger of the event.
        var broadcast = await (await client.PostAsJsonAsync($"/api/events/{eventName}/trigger", new { })).ReadOkAsync();
        Assert.Contains(other, broadcast["resumed"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Single(broadcast["started"]!.AsArray());
    }

    [Fact]
    public async Task ResumeBookmark_Returns409_WhenResumedTwice()
    {
        var client = await factory.CreateAdminClientAsync();
        var id = NewId("resume");
        await client.ImportOkAsync(Sequence(id, [Start(), Event("wait1", NewId("approve")), End()]));
        var instanceId = (await client.ExecuteAsync(id))["instanceId"]!.GetValue<string>();
        var bookmark = Assert.Single((await client.GetInstanceAsync(instanceId))["bookmarks"]!.AsArray())!;
        var bookmarkId = bookmark["id"]!.GetValue<string>();

        var first = await (await client.PostAsJsonAsync($"/api/bookmarks/{bookmarkId}/resume", new { input = new { ok = true } })).ReadOkAsync();
        var second = await client.PostAsJsonAsync($"/api/bookmarks/{bookmarkId}/resume", new { });

        Assert.Equal(instanceId, first["id"]!.GetValue<string>());
        Assert.Equal("Finished", first["subStatus"]!.GetValue<string>());
        await second.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ResumeBookmark_Returns404Or409_WhenBookmarkIsUnknown()
    {
        var client = await factory.CreateAdminClientAsync();
        var response = await client.PostAsJsonAsync("/api/bookmarks/no-such-bookmark/resume", new { });
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict, response.StatusCode.ToString());
    }

    [Fact]
    public async Task Instance_ShowsVariablesByName_AndCanBeCancelled()
    {
        var client = await factory.CreateAdminClientAsync();
        var id = NewId("vars");
        var variables = new JsonArray(new JsonObject { ["id"] = "var-greeting", ["name"] = "Greeting", ["typeName"] = "String", ["value"] = "" });
        var setVariable = Activity("set1", "Elsa.SetVariable", ("value", "你好"));
        setVariable["variable"] = new JsonObject { ["id"] = "var-greeting", ["name"] = "Greeting" };
        await client.ImportOkAsync(Sequence(id, [Start(), setVariable, Event("wait1", NewId("never"))], variables));
        var instanceId = (await client.ExecuteAsync(id))["instanceId"]!.GetValue<string>();

        var instance = await client.GetInstanceAsync(instanceId);
        Assert.Equal("你好", instance["variables"]!["Greeting"]!.GetValue<string>());
        Assert.Equal("Running", instance["status"]!.GetValue<string>());

        var cancelled = await (await client.PostAsync($"/api/workflow-instances/{instanceId}/cancel", null)).ReadOkAsync();
        Assert.Equal("Cancelled", cancelled["subStatus"]!.GetValue<string>());
        var listed = await client.GetFromJsonAsync<JsonArray>($"/api/workflow-instances?definitionId={id}&subStatus=Cancelled");
        Assert.Equal([instanceId], listed!.Select(i => i!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Instance_Returns404Problem_WhenUnknown()
    {
        var client = await factory.CreateAdminClientAsync();
        await (await client.GetAsync("/api/workflow-instances/nope")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync("/api/workflow-instances/nope/cancel", null)).ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
