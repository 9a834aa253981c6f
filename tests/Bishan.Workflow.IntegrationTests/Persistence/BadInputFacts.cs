using Bishan.Workflow.Engine.Execution;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.IntegrationTests.Persistence;

public sealed class BadInputFacts
{
    [Theory]
    [InlineData("{ \"definitionId\": \"broken\", ")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{ \"definitionId\": \"no-root\" }")]
    public async Task ImportAsync_ReturnsErrorsAndSavesNothing_WhenJsonIsMalformed(string json)
    {
        await using var host = await RuntimeHost.StartAsync();

        var result = await host.Definitions.ImportAsync(json, publish: true, "test");

        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Errors);
        Assert.Equal(0, await host.QueryAsync(db => db.WorkflowDefinitionVersions.CountAsync()));
    }

    [Fact]
    public async Task ImportAsync_ReturnsErrorsAndSavesNothing_WhenActivityTypeIsUnknown()
    {
        await using var host = await RuntimeHost.StartAsync();
        var json = TestWorkflows.Flowchart("unknown-type", [TestWorkflows.Activity("X", "Acme.DoesNotExist")]);

        var result = await host.Definitions.ImportAsync(json, publish: false, "test");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Message.Contains("Acme.DoesNotExist", StringComparison.Ordinal));
        Assert.Equal(0, await host.QueryAsync(db => db.WorkflowDefinitionVersions.CountAsync()));
    }

    [Fact]
    public async Task StartAsync_FaultsWithIncident_WhenJavaScriptConditionNeverEnds()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.PublishAsync(TestWorkflows.Flowchart("runaway",
            [TestWorkflows.Decision("Check", "while (true) {}"), TestWorkflows.WriteLine("Yes", "yes")],
            ("Check", "Yes", "True")));

        var started = await host.Runtime.StartAsync("runaway", null, null);

        Assert.Equal(WorkflowSubStatus.Faulted, started.SubStatus);
        var incident = Assert.Single((await host.Instances.GetAsync(started.Id))!.Incidents);
        Assert.Equal("Check", incident.ActivityId);
        Assert.Contains("ran longer than", incident.Message, StringComparison.Ordinal);

        // The process is fine: the same instance can be retried (and faults again, recording a second incident).
        var retried = await host.Runtime.RetryAsync(started.Id);
        Assert.Equal(WorkflowSubStatus.Faulted, retried.SubStatus);
        Assert.Equal(2, (await host.Instances.GetAsync(started.Id))!.Incidents.Count);
    }

    [Fact]
    public async Task StartAsync_Faults_WhenLoopNeverBlocks()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.PublishAsync(TestWorkflows.Flowchart("spinner",
            [TestWorkflows.WriteLine("A", "a"), TestWorkflows.WriteLine("B", "b")],
            ("A", "B", "Done"), ("B", "A", "Done")));

        var started = await host.Runtime.StartAsync("spinner", null, null);

        Assert.Equal(WorkflowSubStatus.Faulted, started.SubStatus);
        var incident = Assert.Single((await host.Instances.GetAsync(started.Id))!.Incidents);
        Assert.Contains("10,000", incident.Message, StringComparison.Ordinal);
        var journal = await host.Instances.GetJournalAsync(started.Id);
        Assert.InRange(journal.Count(j => j.EventName == JournalEvents.Completed && j.ActivityType == "Elsa.WriteLine"), 9_990, 10_000);
    }
}
