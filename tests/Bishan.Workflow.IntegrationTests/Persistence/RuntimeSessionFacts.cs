using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.IntegrationTests.Persistence;

/// <summary>The runtime's reused sessions: open connections with their own prepared commands.</summary>
public sealed class RuntimeSessionFacts
{
    private static readonly Statement CountInstances = new("""SELECT COUNT(*) FROM "WorkflowInstances" WHERE "Id" <> @id""", "@id");

    [Fact]
    public async Task Bind_ReusesACommandOnItsOwnConnection_AndNeverAcrossSessions()
    {
        await using var host = await RuntimeHost.StartAsync();
        var pool = host.Get<RuntimeSessionPool>();
        await using var a = await pool.RentAsync(CancellationToken.None);
        await using var b = await pool.RentAsync(CancellationToken.None);

        var first = a.Session.Commands.Bind(CountInstances, null, "x");
        var again = a.Session.Commands.Bind(CountInstances, null, "y");
        var other = b.Session.Commands.Bind(CountInstances, null, "z");

        Assert.Same(first, again);
        Assert.NotSame(first, other);
        Assert.NotSame(a.Session.Commands.Connection, b.Session.Commands.Connection);
        Assert.Same(a.Session.Db.Database.GetDbConnection(), first.Connection);
        Assert.Same(b.Session.Db.Database.GetDbConnection(), other.Connection);
        Assert.Equal("y", first.Parameters[0].Value);
        Assert.Equal(0L, await first.ExecuteScalarAsync());
        Assert.Equal(0L, await other.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Bind_Refuses_WhenTheValuesDoNotMatchTheParameters()
    {
        await using var host = await RuntimeHost.StartAsync();
        await using var lease = await host.Get<RuntimeSessionPool>().RentAsync(CancellationToken.None);

        Assert.Throws<ArgumentException>(() => lease.Session.Commands.Bind(CountInstances, null, "a", "b"));
    }

    [Fact]
    public async Task RentAsync_HandsBackTheSameSession_AfterACleanCall()
    {
        await using var host = await RuntimeHost.StartAsync();
        var pool = host.Get<RuntimeSessionPool>();
        RuntimeSession first;
        await using (var lease = await pool.RentAsync(CancellationToken.None)) first = lease.Session;

        await using var next = await pool.RentAsync(CancellationToken.None);

        Assert.Same(first, next.Session);
    }

    [Fact]
    public async Task RentAsync_NeverHandsOutASessionLeftInATransaction()
    {
        await using var host = await RuntimeHost.StartAsync();
        var pool = host.Get<RuntimeSessionPool>();
        RuntimeSession abandoned;
        await using (var lease = await pool.RentAsync(CancellationToken.None))
        {
            abandoned = lease.Session;
            await lease.Session.Db.Database.BeginTransactionAsync();
        }

        Assert.Equal(0, pool.IdleCount);
        await using var next = await pool.RentAsync(CancellationToken.None);
        Assert.NotSame(abandoned, next.Session);
        Assert.Null(next.Session.Transaction);
    }

    [Fact]
    public async Task RentAsync_ClearsWhatThePreviousCallLeftTracked()
    {
        await using var host = await RuntimeHost.StartAsync();
        var pool = host.Get<RuntimeSessionPool>();
        await using (var lease = await pool.RentAsync(CancellationToken.None))
            lease.Session.Db.WorkflowJournal.Add(new() { InstanceId = "left-over", Sequence = 1, EntryCount = 1, EntriesJson = """[{"a":"a","n":"a","t":"t","e":"e"}]""" });

        await using var next = await pool.RentAsync(CancellationToken.None);

        Assert.False(next.Session.Db.ChangeTracker.HasChanges());
    }

    [Fact]
    public async Task DisposeAsync_ClosesIdleSessions_AndRefusesLaterRents()
    {
        await using var host = await RuntimeHost.StartAsync();
        var pool = new RuntimeSessionPool(host.Get<IDbContextFactory<BishanDbContext>>());
        System.Data.Common.DbConnection connection;
        await using (var lease = await pool.RentAsync(CancellationToken.None)) connection = lease.Session.Commands.Connection;

        await pool.DisposeAsync();

        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await pool.RentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Dispose_ClosesIdleSessions_WhenTheContainerIsDisposedSynchronously()
    {
        await using var host = await RuntimeHost.StartAsync();
        var pool = new RuntimeSessionPool(host.Get<IDbContextFactory<BishanDbContext>>());
        System.Data.Common.DbConnection connection;
        await using (var lease = await pool.RentAsync(CancellationToken.None)) connection = lease.Session.Commands.Connection;

        pool.Dispose();

        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await pool.RentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ResumeAsync_KeepsEachInstanceApart_WhenManyInstancesResumeConcurrently()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.PublishAsync(TestWorkflows.WaitForEvent("many", "Go"));
        var bookmarks = new List<(string Instance, string Bookmark)>();
        for (var i = 0; i < 30; i++)
        {
            var started = await host.Runtime.StartAsync("many", null, "c" + i);
            bookmarks.Add((started.Id, (await host.Instances.GetAsync(started.Id))!.Bookmarks.Single().Id));
        }

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = bookmarks.Select(b => Task.Run(async () =>
        {
            await gate.Task;
            return await host.Runtime.ResumeAsync(b.Bookmark, null);
        })).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(racers);

        Assert.All(results, r => Assert.Equal(ResumeOutcome.Resumed, r.Outcome));
        Assert.Equal(bookmarks.Select(b => b.Instance).Order(), results.Select(r => r.Instance!.Id).Order());
        foreach (var (instance, _) in bookmarks)
        {
            Assert.Equal(["Before", "After"], await host.WriteLinesAsync(instance));
            Assert.Equal(WorkflowSubStatus.Finished, (await host.Instances.GetAsync(instance))!.SubStatus);
        }
        Assert.InRange(host.Get<RuntimeSessionPool>().IdleCount, 1, RuntimeSessionPool.MaxIdle);
    }
}
