using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.IntegrationTests.Persistence;

public sealed class ConcurrentResumeFacts
{
    [Fact]
    public async Task ResumeAsync_HasExactlyOneWinner_When50TasksResumeTheSameBookmark()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.PublishAsync(TestWorkflows.WaitForEvent("race", "Go"));
        var started = await host.Runtime.StartAsync("race", null, null);
        var bookmarkId = (await host.Instances.GetAsync(started.Id))!.Bookmarks.Single().Id;

        // Every task gets its own DbContext and connection from the pool; the gate releases them together.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            await gate.Task;
            return await host.Runtime.ResumeAsync(bookmarkId, null);
        })).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(racers);

        Assert.Single(results, r => r.Outcome == ResumeOutcome.Resumed);
        Assert.Equal(49, results.Count(r => r.Outcome == ResumeOutcome.AlreadyResumed));
        var journal = await host.Instances.GetJournalAsync(started.Id);
        Assert.Equal(journal.Count, journal.Select(j => j.Sequence).Distinct().Count());
        Assert.Single(journal, j => j.EventName == JournalEvents.Resumed);
        Assert.Equal(["Before", "After"], await host.WriteLinesAsync(started.Id));
        var instance = await host.QueryAsync(db => db.WorkflowInstances.SingleAsync(i => i.Id == started.Id));
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal(2, instance.ConcurrencyToken - 1);
    }

    [Fact]
    public async Task ResumeAsync_ResumesBoth_WhenTwoBookmarksOfOneInstanceRace()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.PublishAsync(TestWorkflows.Flowchart("two-waits",
            [
                TestWorkflows.WriteLine("Begin", "begin"),
                TestWorkflows.Event("A", "EventA"), TestWorkflows.Event("B", "EventB"),
                TestWorkflows.WriteLine("AfterA", "a"), TestWorkflows.WriteLine("AfterB", "b"),
            ],
            ("Begin", "A", "Done"), ("Begin", "B", "Done"), ("A", "AfterA", "Done"), ("B", "AfterB", "Done")));
        var started = await host.Runtime.StartAsync("two-waits", null, null);
        var bookmarks = (await host.Instances.GetAsync(started.Id))!.Bookmarks;
        Assert.Equal(2, bookmarks.Count);

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = bookmarks.Select(b => Task.Run(async () =>
        {
            await gate.Task;
            return await host.Runtime.ResumeAsync(b.Id, null);
        })).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(racers);

        Assert.All(results, r => Assert.Equal(ResumeOutcome.Resumed, r.Outcome));
        Assert.Equal(WorkflowSubStatus.Finished, (await host.Instances.GetAsync(started.Id))!.SubStatus);
        var lines = await host.WriteLinesAsync(started.Id);
        Assert.Equal(["a", "b"], lines.Skip(1).Order());
        var journal = await host.Instances.GetJournalAsync(started.Id);
        Assert.Equal(journal.Count, journal.Select(j => j.Sequence).Distinct().Count());
    }
}
