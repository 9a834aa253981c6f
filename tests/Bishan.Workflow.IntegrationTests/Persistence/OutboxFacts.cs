using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Outbox;
using Bishan.Workflow.Infrastructure.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bishan.Workflow.IntegrationTests.Persistence;

/// <summary>After-commit work is written in the pass's (or the use case's) transaction and carried out once it committed.</summary>
public sealed class OutboxFacts
{
    [Fact]
    public async Task StartAsync_KeepsTimerInOutbox_WhenSchedulerIsUnavailable_AndDeliversItOnTheNextDispatch()
    {
        await using var host = await RuntimeHost.StartAsync();
        await PublishDelayAsync(host);
        host.Scheduler.Unavailable = true;

        var started = await host.Runtime.StartAsync("delayed", null, null);

        // The pass committed (the instance waits on its timer), the timer job is not lost: its row waits for a retry.
        Assert.Empty(host.Scheduler.Bookmarks);
        var row = Assert.Single(await host.QueryAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync()));
        Assert.Equal(OutboxIntent.ScheduleTimer, row.Kind);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("unavailable", row.LastError);

        host.Scheduler.Unavailable = false;
        Assert.Equal(0, await host.Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None)); // backing off
        host.Time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(1, await host.Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None));

        var bookmark = await host.QueryAsync(db => db.WorkflowBookmarks.AsNoTracking().SingleAsync(b => b.InstanceId == started.Id));
        Assert.Equal(bookmark.ResumeAtUtc, Assert.Single(host.Scheduler.Bookmarks).Value);
        Assert.Empty(await host.QueryAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync()));
    }

    [Fact]
    public async Task RunAsync_WritesNothingAndSchedulesNothing_WhenTheUseCaseFailsAfterItsWorkflowPass()
    {
        await using var host = await RuntimeHost.StartAsync();
        await PublishDelayAsync(host);

        await using (var scope = host.Get<IServiceScopeFactory>().CreateAsyncScope())
        {
            var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
            await Assert.ThrowsAsync<InvalidOperationException>(async () => await unitOfWork.RunAsync<int>(async ct =>
            {
                await host.Runtime.StartAsync("delayed", null, "case-1", ct);
                throw new InvalidOperationException("the use case fails after the pass");
            }, CancellationToken.None));
        }

        Assert.Empty(await host.QueryAsync(db => db.WorkflowInstances.AsNoTracking().ToListAsync()));
        Assert.Empty(await host.QueryAsync(db => db.WorkflowBookmarks.AsNoTracking().ToListAsync()));
        Assert.Empty(await host.QueryAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync()));
        Assert.Empty(host.Scheduler.Bookmarks);
    }

    [Fact]
    public async Task RunAsync_CommitsPassAndSchedulesTimerOnce_WhenTheUseCaseSucceeds()
    {
        await using var host = await RuntimeHost.StartAsync();
        await PublishDelayAsync(host);

        string instanceId;
        await using (var scope = host.Get<IServiceScopeFactory>().CreateAsyncScope())
        {
            var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
            instanceId = await unitOfWork.RunAsync(async ct =>
            {
                var started = await host.Runtime.StartAsync("delayed", null, "case-1", ct);
                // Not scheduled before the use case committed: the job could otherwise fire for a pass that never happened.
                Assert.Empty(host.Scheduler.Bookmarks);
                return started.Id;
            }, CancellationToken.None);
        }

        // Timers reach the scheduler through the dispatcher's pump once the use case has committed.
        await host.Get<OutboxDispatcher>().DrainAsync();
        Assert.Single(host.Scheduler.Bookmarks);
        Assert.Single(await host.QueryAsync(db => db.WorkflowInstances.AsNoTracking().Where(i => i.Id == instanceId).ToListAsync()));
        Assert.Empty(await host.QueryAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync()));
    }

    [Fact]
    public async Task RunAsync_ReturnsWithoutWaitingForTheScheduler_AndThePumpSchedulesTheTimerAfterwards()
    {
        await using var host = await RuntimeHost.StartAsync();
        await PublishDelayAsync(host);
        using var hold = new ManualResetEventSlim(false);
        host.Scheduler.Hold = hold;

        // The scheduler is stuck: the use case still answers, its timer committed in the outbox.
        var instanceId = await RunUseCaseAsync(host, async (runtime, ct) => (await runtime.StartAsync("delayed", null, "case-1", ct)).Id);
        Assert.Empty(host.Scheduler.Bookmarks);
        var row = Assert.Single(await host.QueryAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync()));
        Assert.Equal(OutboxIntent.ScheduleTimer, row.Kind);

        hold.Set();
        await host.Get<OutboxDispatcher>().DrainAsync();
        var bookmark = await host.QueryAsync(db => db.WorkflowBookmarks.AsNoTracking().SingleAsync(b => b.InstanceId == instanceId));
        Assert.Equal(bookmark.ResumeAtUtc, Assert.Single(host.Scheduler.Bookmarks, b => b.Key == bookmark.Id).Value);
        Assert.Empty(await host.QueryAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync()));
    }

    [Fact]
    public async Task Pump_HoldsNoWriteLock_WhileTheSchedulerIsSlow_SoOtherUseCasesCommitMeanwhile()
    {
        await using var host = await RuntimeHost.StartAsync();
        await PublishDelayAsync(host);
        using var hold = new ManualResetEventSlim(false);
        host.Scheduler.Hold = hold;

        // The pump takes the first use case's timer and is stuck in the scheduler (Hangfire's storage is not this database).
        await RunUseCaseAsync(host, async (runtime, ct) => (await runtime.StartAsync("delayed", null, "case-1", ct)).Id);
        var pump = host.Get<OutboxDispatcher>().WhenPostedDoneAsync();
        await host.Scheduler.Held.Task.WaitAsync(TimeSpan.FromSeconds(60));

        // Meanwhile another use case writes and commits: on SQLite it needs the single write lock, which the pump must not
        // be holding. (The guard only keeps a regression from hanging the run; it is not a timing figure.)
        var second = RunUseCaseAsync(host, async (runtime, ct) => (await runtime.StartAsync("delayed", null, "case-2", ct)).Id);
        var secondId = await second.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(pump.IsCompleted);
        Assert.Single(await host.QueryAsync(db => db.WorkflowInstances.AsNoTracking().Where(i => i.Id == secondId).ToListAsync()));

        hold.Set();
        await host.Get<OutboxDispatcher>().DrainAsync();
        var bookmarks = await host.QueryAsync(db => db.WorkflowBookmarks.AsNoTracking().Select(b => b.Id).ToListAsync());
        Assert.Equal(bookmarks.Order(), host.Scheduler.Bookmarks.Keys.Order());
        Assert.Empty(await host.QueryAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync()));
    }

    [Fact]
    public async Task RunAsync_TwiceOnOneUnitOfWork_RunsEachUseCaseInATransactionOfItsOwn()
    {
        await using var host = await RuntimeHost.StartAsync();
        await PublishDelayAsync(host);

        // One scope running use cases one after another (a seeder, a batch job): each one's workflow start runs in its own
        // transaction and commits. (The guard only keeps a regression from hanging the run.)
        await using var scope = host.Get<IServiceScopeFactory>().CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var ids = new List<string>();
        for (var i = 1; i <= 3; i++)
            ids.Add(await unitOfWork.RunAsync(async ct => (await host.Runtime.StartAsync("delayed", null, $"case-{i}", ct)).Id, CancellationToken.None)
                .AsTask().WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(ids.Order(), (await host.QueryAsync(db => db.WorkflowInstances.AsNoTracking().Select(w => w.Id).ToListAsync())).Order());
        await host.Get<OutboxDispatcher>().DrainAsync();
        Assert.Equal(3, host.Scheduler.Bookmarks.Count);
    }

    [Fact]
    public async Task RunAsync_SchedulesEveryTimerOfTheUseCaseOnce_AndResumingOneUnschedulesIt()
    {
        await using var host = await RuntimeHost.StartAsync();
        await PublishDelayAsync(host);

        var ids = await RunUseCaseAsync(host, async (runtime, ct) =>
        {
            var list = new List<string>();
            for (var i = 0; i < 3; i++) list.Add((await runtime.StartAsync("delayed", null, $"case-{i}", ct)).Id);
            return list;
        });
        await host.Get<OutboxDispatcher>().DrainAsync();
        var bookmarks = await host.QueryAsync(db => db.WorkflowBookmarks.AsNoTracking().Where(b => ids.Contains(b.InstanceId)).ToListAsync());
        Assert.Equal(bookmarks.Select(b => b.Id).Order(), host.Scheduler.Bookmarks.Keys.Order());

        // A use case resuming one of them: its timer is cancelled, the others stay.
        host.Time.Advance(TimeSpan.FromHours(1));
        var first = bookmarks[0].Id;
        await RunUseCaseAsync(host, async (runtime, ct) => (await runtime.ResumeAsync(first, null, ct)).Outcome);
        await host.Get<OutboxDispatcher>().DrainAsync();
        Assert.Equal(bookmarks.Select(b => b.Id).Where(b => b != first).Order(), host.Scheduler.Bookmarks.Keys.Order());
        Assert.Empty(await host.QueryAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync()));
    }

    [Fact]
    public async Task RunAsync_KeepsPostedTimersInOutbox_WhenSchedulerIsUnavailable_AndThePollerDeliversThemLater()
    {
        await using var host = await RuntimeHost.StartAsync();
        await PublishDelayAsync(host);
        host.Scheduler.Unavailable = true;

        await RunUseCaseAsync(host, async (runtime, ct) =>
        {
            await runtime.StartAsync("delayed", null, "case-1", ct);
            return (await runtime.StartAsync("delayed", null, "case-2", ct)).Id;
        });
        await host.Get<OutboxDispatcher>().DrainAsync();

        // The batch failed, then each row on its own: both wait for a retry with their error.
        Assert.Empty(host.Scheduler.Bookmarks);
        var rows = await host.QueryAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal((OutboxIntent.ScheduleTimer, 1), (r.Kind, r.Attempts)));

        host.Scheduler.Unavailable = false;
        host.Time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(2, await host.Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None));
        Assert.Equal(2, host.Scheduler.Bookmarks.Count);
        Assert.Empty(await host.QueryAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync()));
    }

    /// <summary>Runs <paramref name="work"/> as a use case does: in a unit of work of a fresh scope.</summary>
    private static async Task<T> RunUseCaseAsync<T>(RuntimeHost host, Func<IWorkflowRuntime, CancellationToken, Task<T>> work)
    {
        await using var scope = host.Get<IServiceScopeFactory>().CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        return await unitOfWork.RunAsync(async ct => await work(host.Runtime, ct), CancellationToken.None);
    }

    private static async Task PublishDelayAsync(RuntimeHost host) =>
        await host.PublishAsync(TestWorkflows.Flowchart("delayed",
            [TestWorkflows.Activity("Wait", "Elsa.Delay", ("timeSpan", "01:00:00")), TestWorkflows.WriteLine("Log", "late")],
            ("Wait", "Log", "Done")));
}
