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

        Assert.Single(host.Scheduler.Bookmarks);
        Assert.Single(await host.QueryAsync(db => db.WorkflowInstances.AsNoTracking().Where(i => i.Id == instanceId).ToListAsync()));
        Assert.Empty(await host.QueryAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync()));
    }

    private static async Task PublishDelayAsync(RuntimeHost host) =>
        await host.PublishAsync(TestWorkflows.Flowchart("delayed",
            [TestWorkflows.Activity("Wait", "Elsa.Delay", ("timeSpan", "01:00:00")), TestWorkflows.WriteLine("Log", "late")],
            ("Wait", "Log", "Done")));
}
