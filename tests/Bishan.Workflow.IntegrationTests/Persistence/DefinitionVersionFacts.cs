using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.IntegrationTests.Persistence;

public sealed class DefinitionVersionFacts
{
    [Fact]
    public async Task ImportAsync_NumbersVersionsItself_WhenSameDefinitionIsImportedTwice()
    {
        await using var host = await RuntimeHost.StartAsync();
        var json = TestWorkflows.WaitForEvent("numbered", "Go");

        var first = await host.Definitions.ImportAsync(json, publish: false, "alice");
        var second = await host.Definitions.ImportAsync(json, publish: false, "bob");

        Assert.Equal((1, 2), (first.Version, second.Version));
        var versions = await host.Definitions.ListVersionsAsync("numbered");
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        Assert.Equal([true, false], versions.Select(v => v.IsLatest));
        Assert.All(versions, v => Assert.False(v.IsPublished));
        Assert.Equal("bob", versions[0].CreatedBy);
    }

    [Fact]
    public async Task PublishAsync_LeavesOnePublishedVersion_WhenAnotherVersionIsPublished()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.PublishAsync(TestWorkflows.WaitForEvent("one-published", "Go"));
        await host.Definitions.ImportAsync(TestWorkflows.WaitForEvent("one-published", "Go", before: "changed"), publish: false, "test");

        var published = await host.Definitions.PublishAsync("one-published", null, "test");

        Assert.True(published.Succeeded);
        Assert.Equal(2, published.Version);
        var versions = await host.Definitions.ListVersionsAsync("one-published");
        Assert.Equal([true, false], versions.Select(v => v.IsPublished));
        Assert.Equal(2, (await host.Definitions.GetPublishedAsync("one-published"))!.Info.Version);
        var summary = Assert.Single(await host.Definitions.ListAsync());
        Assert.Equal((2, 2), (summary.LatestVersion, summary.PublishedVersion));
    }

    [Fact]
    public async Task RevertAsync_CopiesOldVersionForwardAsDraft_WhenNewerVersionsExist()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.PublishAsync(TestWorkflows.WaitForEvent("revert", "Go", before: "original"));
        await host.PublishAsync(TestWorkflows.WaitForEvent("revert", "Go", before: "edited"));

        var reverted = await host.Definitions.RevertAsync("revert", 1, "test");

        Assert.Equal(3, reverted.Version);
        Assert.False(reverted.IsPublished);
        var v3 = await host.Definitions.GetAsync("revert", null);
        Assert.NotNull(v3);
        Assert.Equal((3, true, false), (v3.Info.Version, v3.Info.IsLatest, v3.Info.IsPublished));
        Assert.Contains("original", v3.Json);
        var document = JsonNode.Parse(v3.Json)!;
        Assert.Equal(3, document["version"]!.GetValue<int>());
        Assert.True(document["isLatest"]!.GetValue<bool>());
        Assert.False(document["isPublished"]!.GetValue<bool>());
        Assert.Equal(2, (await host.Definitions.GetPublishedAsync("revert"))!.Info.Version);
    }

    [Fact]
    public async Task ResumeAsync_FinishesOnStartedVersion_WhenNewerVersionIsPublishedMeanwhile()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.PublishAsync(TestWorkflows.WaitForEvent("pinned", "Go", "v1 before", "v1 after"));
        var onV1 = await host.Runtime.StartAsync("pinned", null, null);

        await host.PublishAsync(TestWorkflows.WaitForEvent("pinned", "Go", "v2 before", "v2 after"));
        await host.ReopenAsync();
        var onV2 = await host.Runtime.StartAsync("pinned", null, null);
        await host.Runtime.TriggerEventAsync("Go", null, null, null);

        Assert.Equal(1, onV1.Version);
        Assert.Equal(2, onV2.Version);
        Assert.Equal(["v1 before", "v1 after"], await host.WriteLinesAsync(onV1.Id));
        Assert.Equal(["v2 before", "v2 after"], await host.WriteLinesAsync(onV2.Id));
        Assert.Equal(WorkflowSubStatus.Finished, (await host.Instances.GetAsync(onV1.Id))!.SubStatus);
    }

    [Fact]
    public async Task ImportIfChangedAsync_AddsNoVersion_WhenPublishedContentIsTheSame()
    {
        await using var host = await RuntimeHost.StartAsync();
        var json = TestWorkflows.WaitForEvent("loader", "Go");
        var first = await host.Definitions.ImportIfChangedAsync(json, "startup");

        // The same file exported with other version facts is the same content.
        var exported = (await host.Definitions.GetAsync("loader", 1))!.Json;
        var again = await host.Definitions.ImportIfChangedAsync(exported, "startup");
        var changed = await host.Definitions.ImportIfChangedAsync(TestWorkflows.WaitForEvent("loader", "Go", before: "new"), "startup");

        Assert.Equal((1, true), (first.Version, first.IsPublished));
        Assert.Equal((1, true), (again.Version, again.IsPublished));
        Assert.Equal((2, true), (changed.Version, changed.IsPublished));
        Assert.Equal(2, (await host.Definitions.ListVersionsAsync("loader")).Count);
    }

    [Fact]
    public async Task PublishAsync_SchedulesTimeTriggers_WhenVersionHasCronAndTimer()
    {
        await using var host = await RuntimeHost.StartAsync();
        var cron = TestWorkflows.Activity("Morning", "Elsa.Cron", ("cronExpression", "0 0 9 * * *"));
        cron["customProperties"] = new JsonObject { ["canStartWorkflow"] = true };
        var timer = TestWorkflows.Activity("Every5", "Elsa.Timer", ("interval", "00:05:00"));
        timer["customProperties"] = new JsonObject { ["canStartWorkflow"] = true };
        await host.PublishAsync(TestWorkflows.Flowchart("scheduled",
            [cron, timer, TestWorkflows.WriteLine("Log", "tick"), TestWorkflows.WriteLine("Log5", "tick5")],
            ("Morning", "Log", "Done"), ("Every5", "Log5", "Done")));

        var triggers = host.Scheduler.Triggers["scheduled"];
        var cronTrigger = Assert.Single(triggers, t => t.Kind == TriggerKind.Cron);
        Assert.Equal("0 0 9 * * *", cronTrigger.CronExpression);
        var timerTrigger = Assert.Single(triggers, t => t.Kind == TriggerKind.Timer);
        Assert.Equal(TimeSpan.FromMinutes(5), timerTrigger.Interval);
        Assert.Equal(host.Time.GetUtcNow().UtcDateTime.AddMinutes(5), timerTrigger.StartAtUtc);
        Assert.Equal(2, await host.QueryAsync(db => db.WorkflowTriggers.CountAsync()));

        var started = await host.Runtime.StartFromTriggerAsync("scheduled", 1, cronTrigger.ActivityNodeId);
        Assert.Equal(WorkflowSubStatus.Finished, started!.SubStatus);
        Assert.Equal(["tick"], await host.WriteLinesAsync(started.Id));

        await host.Definitions.RetractAsync("scheduled", "test");
        Assert.Empty(host.Scheduler.Triggers["scheduled"]);
        Assert.Equal(0, await host.QueryAsync(db => db.WorkflowTriggers.CountAsync()));
        Assert.Null(await host.Runtime.StartFromTriggerAsync("scheduled", 1, cronTrigger.ActivityNodeId));
    }

    [Fact]
    public async Task ImportIfChangedAsync_SchedulesTheTriggersOfTheNewVersion_NotTheVersionTheFileClaims()
    {
        await using var host = await RuntimeHost.StartAsync();
        string Scheduled(string text, int claimedVersion)
        {
            var cron = TestWorkflows.Activity("Morning", "Elsa.Cron", ("cronExpression", "0 0 9 * * *"));
            cron["customProperties"] = new JsonObject { ["canStartWorkflow"] = true };
            var json = JsonNode.Parse(TestWorkflows.Flowchart("imported-cron", [cron, TestWorkflows.WriteLine("Log", text)], ("Morning", "Log", "Done")))!;
            json["version"] = claimedVersion;
            return json.ToJsonString();
        }

        var first = await host.Definitions.ImportIfChangedAsync(Scheduled("one", claimedVersion: 7), "startup");
        var second = await host.Definitions.ImportIfChangedAsync(Scheduled("two", claimedVersion: 7), "startup");

        Assert.Equal((1, true, 2, true), (first.Version, first.IsPublished, second.Version, second.IsPublished));
        var trigger = Assert.Single(host.Scheduler.Triggers["imported-cron"]);
        Assert.Equal((TriggerKind.Cron, 2), (trigger.Kind, trigger.Version));
        Assert.Equal([2], await host.QueryAsync(db => db.WorkflowTriggers.Select(t => t.DefinitionVersion).ToListAsync()));
        var started = await host.Runtime.StartFromTriggerAsync("imported-cron", trigger.Version, trigger.ActivityNodeId);
        Assert.Equal(["two"], await host.WriteLinesAsync(started!.Id));
    }

    [Fact]
    public async Task ResumeAsync_SchedulesAndUnschedulesTimers_WhenDelayBookmarkIsCreatedAndResumed()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.PublishAsync(TestWorkflows.Flowchart("delayed",
            [TestWorkflows.Activity("Wait", "Elsa.Delay", ("timeSpan", "01:00:00")), TestWorkflows.WriteLine("Log", "late")],
            ("Wait", "Log", "Done")));
        var started = await host.Runtime.StartAsync("delayed", null, null);
        var (bookmarkId, dueAt) = Assert.Single(host.Scheduler.Bookmarks);
        Assert.Equal(host.Time.GetUtcNow().UtcDateTime.AddHours(1), dueAt);

        host.Time.Advance(TimeSpan.FromHours(1));
        var resumed = await host.Runtime.ResumeAsync(bookmarkId, null);

        Assert.Equal(ResumeOutcome.Resumed, resumed.Outcome);
        Assert.Empty(host.Scheduler.Bookmarks);
        Assert.Equal(["late"], await host.WriteLinesAsync(started.Id));
    }
}
