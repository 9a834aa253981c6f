using Bishan.Workflow.Engine.Execution;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.IntegrationTests.Persistence;

public sealed class CrashRecoveryFacts
{
    [Fact]
    public async Task RecoverInterruptedAsync_FinishesInstance_WhenStartWasInterruptedMidPass()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.PublishAsync(TestWorkflows.Flowchart("crashy",
            [TestWorkflows.WriteLine("A", "a"), TestWorkflows.Activity("Crash", "Test.CrashOnce"), TestWorkflows.WriteLine("B", "b")],
            ("A", "Crash", "Done"), ("Crash", "B", "Done")));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Runtime.StartAsync("crashy", null, "case-7", host.Crash.Arm()));
        var left = await host.QueryAsync(db => db.WorkflowInstances.SingleAsync());
        Assert.Equal(WorkflowSubStatus.Executing, left.SubStatus);

        await host.ReopenAsync();
        // The crashed node's lease still holds: no other node may take the instance over yet.
        Assert.Equal(0, await host.Runtime.RecoverInterruptedAsync());
        host.Time.Advance(TimeSpan.FromSeconds(61));
        var recovered = await host.Runtime.RecoverInterruptedAsync();

        Assert.Equal(1, recovered);
        var details = await host.Instances.GetAsync(left.Id);
        Assert.Equal(WorkflowSubStatus.Finished, details!.SubStatus);
        Assert.Equal("case-7", details.CorrelationId);
        Assert.Equal(["a", "b"], await host.WriteLinesAsync(left.Id));
        Assert.Equal(0, await host.Runtime.RecoverInterruptedAsync());
    }

    [Fact]
    public async Task RecoverInterruptedAsync_CompletesTriggerAtOnce_WhenTriggeredStartWasInterrupted()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.PublishAsync(TestWorkflows.Flowchart("crashy-trigger",
            [TestWorkflows.Event("Referral", "Referral", canStartWorkflow: true), TestWorkflows.Activity("Crash", "Test.CrashOnce"), TestWorkflows.WriteLine("B", "b")],
            ("Referral", "Crash", "Done"), ("Crash", "B", "Done")));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Runtime.TriggerEventAsync("Referral", null, null, null, host.Crash.Arm()));
        Assert.Equal(0, await host.Runtime.RecoverInterruptedAsync());
        host.Time.Advance(TimeSpan.FromSeconds(61));
        var recovered = await host.Runtime.RecoverInterruptedAsync();

        Assert.Equal(1, recovered);
        var instance = await host.QueryAsync(db => db.WorkflowInstances.SingleAsync());
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal(["b"], await host.WriteLinesAsync(instance.Id));
    }
}
