using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Engine.Tests.Vectors;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.IntegrationTests.Persistence;

public sealed class RuntimePersistenceFacts
{
    [Fact]
    public async Task TriggerEventAsync_FinishesInstanceWithJournalInOrder_WhenEventArrivesAfterRestart()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.PublishAsync(TestWorkflows.WaitForEvent("roundtrip", "Go"));
        var started = await host.Runtime.StartAsync("roundtrip", null, "case-1");
        Assert.Equal(WorkflowSubStatus.Suspended, started.SubStatus);

        await host.ReopenAsync();
        var triggered = await host.Runtime.TriggerEventAsync("Go", "case-1", null, JsonValue.Create("payload"));

        Assert.Equal([started.Id], triggered.Resumed);
        Assert.Empty(triggered.Started);
        var details = await host.Instances.GetAsync(started.Id);
        Assert.NotNull(details);
        Assert.Equal(WorkflowSubStatus.Finished, details.SubStatus);
        Assert.Empty(details.Bookmarks);
        Assert.Equal(["Before", "After"], await host.WriteLinesAsync(started.Id));
        var journal = await host.Instances.GetJournalAsync(started.Id);
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(j => j.Sequence));
        // Nothing waits any more; the resumed bookmark's row stays, burned, to answer a second resume with "already resumed".
        Assert.Equal(0, await host.QueryAsync(db => db.WorkflowBookmarks.CountAsync(b => b.BurnedAtUtc == null)));
        Assert.Equal(1, await host.QueryAsync(db => db.WorkflowBookmarks.CountAsync(b => b.BurnedAtUtc != null)));
    }

    [Fact]
    public async Task TriggerEventAsync_ResumesNothing_WhenCorrelationIdDiffers()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.PublishAsync(TestWorkflows.WaitForEvent("correlated", "Go"));
        var started = await host.Runtime.StartAsync("correlated", null, "case-1");

        var triggered = await host.Runtime.TriggerEventAsync("Go", "case-2", null, null);

        Assert.Empty(triggered.Resumed);
        Assert.Equal(WorkflowSubStatus.Suspended, (await host.Instances.GetAsync(started.Id))!.SubStatus);
    }

    [Fact]
    public async Task TriggerEventAsync_StartsPublishedWorkflow_WhenEventIsItsTrigger()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.PublishAsync(TestWorkflows.Flowchart("on-referral",
            [TestWorkflows.Event("Referral", "Referral", canStartWorkflow: true), TestWorkflows.WriteLine("Log", "referred")],
            ("Referral", "Log", "Done")));

        var triggered = await host.Runtime.TriggerEventAsync("Referral", "case-9", null, new JsonObject { ["name"] = "x" });

        var id = Assert.Single(triggered.Started);
        var instance = (await host.Instances.ListAsync(new InstanceQuery(CorrelationId: "case-9"))).Single();
        Assert.Equal(id, instance.Id);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal(["referred"], await host.WriteLinesAsync(id));
    }

    [Fact]
    public async Task StartAsync_MatchesElsaVector_WhenHelloWorldSampleIsImported()
    {
        await using var host = await RuntimeHost.StartAsync();
        var imported = await host.PublishAsync(SharedSamples.Read("BasicWorkflows/hello-world.json"));

        var instance = await host.Runtime.StartAsync(imported.DefinitionId!, null, null);

        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal(["Hello World!"], await host.WriteLinesAsync(instance.Id));
    }

    [Fact]
    public async Task StartAsync_Throws_WhenDefinitionHasNoPublishedVersion()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.Definitions.ImportAsync(TestWorkflows.WaitForEvent("draft-only", "Go"), publish: false, "test");

        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => host.Runtime.StartAsync("draft-only", null, null));
    }

    [Fact]
    public async Task GetAsync_KeepsDollarIdInVariableValue_WhenStateIsStoredAndRead()
    {
        await using var host = await RuntimeHost.StartAsync();
        var json = JsonNode.Parse(TestWorkflows.Flowchart("dollar-id",
            [TestWorkflows.Event("Wait", "Never")]))!.AsObject();
        json["variables"] = new JsonArray(new JsonObject { ["id"] = "v1", ["name"] = "Doc", ["typeName"] = "Object" });
        await host.PublishAsync(json.ToJsonString());
        var started = await host.Runtime.StartAsync("dollar-id", null, null);

        // Write a value with "$id" straight into the stored state, then resume so that the state is read and written again.
        await host.QueryAsync(async db =>
        {
            var row = await db.WorkflowInstances.SingleAsync(i => i.Id == started.Id);
            var state = JsonNode.Parse(row.StateJson)!;
            state["variables"]!["v1"] = new JsonObject { ["$id"] = "1", ["$ref"] = "2", ["name"] = "case" };
            row.StateJson = state.ToJsonString();
            return await db.SaveChangesAsync();
        });
        var bookmark = (await host.Instances.GetAsync(started.Id))!.Bookmarks.Single();
        await host.Runtime.ResumeAsync(bookmark.Id, null);

        var details = await host.Instances.GetAsync(started.Id);
        var doc = details!.Variables["Doc"]!.AsObject();
        Assert.Equal("1", doc["$id"]!.GetValue<string>());
        Assert.Equal("2", doc["$ref"]!.GetValue<string>());
        Assert.Equal("case", doc["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task ResumeAsync_ReportsAlreadyResumedOrNotFound_WhenBookmarkIsGone()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.PublishAsync(TestWorkflows.WaitForEvent("twice", "Go"));
        var started = await host.Runtime.StartAsync("twice", null, null);
        var bookmark = (await host.Instances.GetAsync(started.Id))!.Bookmarks.Single();

        var first = await host.Runtime.ResumeAsync(bookmark.Id, null);
        var second = await host.Runtime.ResumeAsync(bookmark.Id, null);
        var unknown = await host.Runtime.ResumeAsync("no-such-bookmark", null);

        Assert.Equal(ResumeOutcome.Resumed, first.Outcome);
        Assert.Equal(ResumeOutcome.AlreadyResumed, second.Outcome);
        Assert.Equal(started.Id, second.Instance?.Id);
        Assert.Equal(ResumeOutcome.NotFound, unknown.Outcome);
        Assert.Equal(["Before", "After"], await host.WriteLinesAsync(started.Id));
    }

    [Fact]
    public async Task CancelAsync_RemovesBookmarks_WhenInstanceIsSuspended()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.PublishAsync(TestWorkflows.WaitForEvent("cancel-me", "Go"));
        var started = await host.Runtime.StartAsync("cancel-me", null, null);

        var cancelled = await host.Runtime.CancelAsync(started.Id);

        Assert.Equal(WorkflowSubStatus.Cancelled, cancelled.SubStatus);
        Assert.NotNull(cancelled.FinishedAtUtc);
        Assert.Equal(0, await host.QueryAsync(db => db.WorkflowBookmarks.CountAsync()));
        await Assert.ThrowsAsync<WorkflowConflictException>(() => host.Runtime.CancelAsync(started.Id));
        await Assert.ThrowsAsync<WorkflowConflictException>(() => host.Runtime.RetryAsync(started.Id));
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => host.Runtime.CancelAsync("nope"));
    }

    [Fact]
    public async Task ListAsync_FiltersAndPages_WhenManyInstancesExist()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.PublishAsync(TestWorkflows.WaitForEvent("paged", "Go"));
        for (var i = 0; i < 5; i++)
        {
            await host.Runtime.StartAsync("paged", null, i % 2 == 0 ? "even" : "odd");
            host.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var even = await host.Instances.ListAsync(new InstanceQuery(DefinitionId: "paged", CorrelationId: "even"));
        var page = await host.Instances.ListAsync(new InstanceQuery(Status: WorkflowStatus.Running, Skip: 1, Take: 2));
        var finished = await host.Instances.ListAsync(new InstanceQuery(Status: WorkflowStatus.Finished));

        Assert.Equal(3, even.Count);
        Assert.Equal(2, page.Count);
        Assert.True(page[0].CreatedAtUtc > page[1].CreatedAtUtc);
        Assert.Empty(finished);
    }
}
