using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Bishan.Workflow.NodeTests;

/// <summary>
/// What happens to node A's work when A is killed with SIGKILL: its timers fire on B, and an instance it was running is
/// continued by B once A's lease (<c>Nodes:LeaseSeconds</c> = 5) has run out, not before.
/// </summary>
[Collection(TwoNodesCollectionDefinition.Name)]
public sealed class NodeFailureFacts(TwoNodes nodes, ITestOutputHelper output)
{
    private const string Admin = "admin";

    [Fact]
    public async Task Timers_FireExactlyOnceOnNodeB_WhenNodeAIsKilledAfterStartingThem()
    {
        await nodes.EnsureBothRunningAsync();
        const int count = 50;
        // Long enough that all 50 are started and A is dead before the first one is due (the starts took 2–12 s on a
        // busy 2-core machine).
        var delay = TimeSpan.FromSeconds(15);
        var token = await nodes.A.TokenAsync(Admin);
        using var a = nodes.A.Client(token);
        using var b = nodes.B.Client(token);
        var definitionId = TestWorkflows.NewId("timers");
        await a.ImportAsync(TestWorkflows.Timer(definitionId, delay));

        var watch = Stopwatch.StartNew();
        var started = await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
            await (await a.PostAsJsonAsync($"/api/workflow-definitions/{definitionId}/execute", new { })).ReadOkAsync("starting on node A")));
        var startTime = watch.Elapsed;
        await nodes.A.KillAsync();
        var killedAt = DateTime.UtcNow;
        output.WriteLine($"{count} instances started on node A in {startTime.TotalSeconds:0.0} s; A killed.");
        Assert.True(startTime < delay - TimeSpan.FromSeconds(1),
            $"Starting {count} instances on node A took {startTime.TotalSeconds:0.0} s, about as long as their {delay.TotalSeconds:0} s delay: " +
            "node A may have fired some timers itself, so this run shows nothing about node B. The machine is too slow for this fact.");

        var notSuspended = started.Where(s => s["subStatus"]!.GetValue<string>() != "Suspended").ToList();
        Assert.True(notSuspended.Count == 0,
            $"{notSuspended.Count} instances were not waiting on their timer after the start: {notSuspended.FirstOrDefault()?.ToJsonString()}");
        var ids = started.Select(s => s["instanceId"]!.GetValue<string>()).ToList();

        var finished = await Api.WaitForAsync(
            async () => await nodes.Database.ScalarAsync<long>(
                """SELECT count(*) FROM "WorkflowInstances" WHERE "DefinitionId" = $1 AND "SubStatus" = 'Finished'""", definitionId),
            n => n == count, TimeSpan.FromSeconds(90));
        output.WriteLine($"{finished} of {count} finished {(DateTime.UtcNow - killedAt).TotalSeconds:0.0} s after A was killed (timers due {delay.TotalSeconds:0} s after their start).");
        if (finished != count)
        {
            var states = await nodes.Database.RowsAsync(
                """SELECT "SubStatus", count(*) AS n FROM "WorkflowInstances" WHERE "DefinitionId" = $1 GROUP BY "SubStatus" """, definitionId);
            var outbox = await nodes.Database.ScalarAsync<long>("""SELECT count(*) FROM "OutboxMessages" """);
            Assert.Fail($"Only {finished} of {count} timer instances finished on node B within 90 s of killing node A " +
                        $"(by sub-status: {string.Join(", ", states.Select(r => $"{r["SubStatus"]} {r["n"]}"))}; outbox rows left: {outbox}).\n{nodes.Output()}");
        }

        // Read through node B, as a user would after A is gone.
        foreach (var id in ids)
        {
            var written = (await b.JournalAsync(id)).Written(TestWorkflows.TimerText);
            Assert.True(written.Count == 1, $"Instance {id} wrote its line {written.Count} times.");
            var at = written[0]["timestampUtc"]!.GetValue<DateTime>().ToUniversalTime();
            Assert.True(at > killedAt, $"Instance {id} wrote its line at {at:O}, before node A was killed at {killedAt:O}: node B did not fire it.");
        }
    }

    [Fact]
    public async Task InterruptedInstance_IsContinuedByNodeBOnlyAfterNodeALeaseExpired_WhenNodeAIsKilledMidPass()
    {
        await nodes.EnsureBothRunningAsync();
        var token = await nodes.A.TokenAsync(Admin);
        using var a = nodes.A.Client(token);
        using var b = nodes.B.Client(token);
        var definitionId = TestWorkflows.NewId("longpass");
        // 3 × 1.5 s of JavaScript in one pass, so A is certainly still in it when it is killed 1 s in.
        await a.ImportAsync(TestWorkflows.LongPass(definitionId, steps: 3, stepMilliseconds: 1500));
        var nodeA = nodes.A;

        // Not awaited: the answer only comes when the pass is over, and A will not live that long.
        var pending = a.PostAsJsonAsync($"/api/workflow-definitions/{definitionId}/execute", new { });
        var row = await Api.WaitForAsync(() => InstanceAsync(definitionId), r => r is not null, TimeSpan.FromSeconds(20));
        Assert.True(row is not null, $"Node A never stored the instance.\n{nodes.Output()}");
        await Task.Delay(TimeSpan.FromSeconds(1));
        await nodeA.KillAsync();
        var killed = await InstanceAsync(definitionId);

        var interruptedRequest = await Record.ExceptionAsync(() => pending);
        Assert.True(interruptedRequest is HttpRequestException or TaskCanceledException,
            "The start on node A answered before A was killed, so its pass was not interrupted; make the pass longer.");
        Assert.NotNull(killed);
        Assert.Equal("Executing", killed.SubStatus);
        Assert.StartsWith(nodeA.LeaseOwnerPrefix, killed.LeaseOwner ?? "(none)");
        var expiry = killed.LeaseExpiresAtUtc ?? throw new InvalidOperationException("The interrupted instance has no lease.");
        Assert.True(expiry > killed.Now, $"A's lease had already expired when A was killed ({expiry:O} ≤ {killed.Now:O}).");

        // Until A's lease runs out nobody may touch the instance: B must wait for it.
        var beforeExpiry = 0;
        while (true)
        {
            var seen = (await InstanceAsync(definitionId))!;
            if (seen.Now >= expiry) break;
            beforeExpiry++;
            Assert.True(seen.SubStatus == "Executing" && seen.LeaseOwner == killed.LeaseOwner,
                $"At {seen.Now:O}, before A's lease expired at {expiry:O}, the instance was {seen.SubStatus} leased to {seen.LeaseOwner}.");
            await Task.Delay(250);
        }

        var done = await Api.WaitForAsync(() => InstanceAsync(definitionId), r => r!.SubStatus == "Finished", TimeSpan.FromSeconds(40));
        output.WriteLine($"Seen Executing under A's lease {beforeExpiry} times before it expired; " +
                         $"finished {(done!.UpdatedAtUtc - expiry).TotalSeconds:0.0} s after the expiry.");
        Assert.True(done.SubStatus == "Finished",
            $"40 s after A's lease expired the instance is {done.SubStatus}, leased to {done.LeaseOwner} until {done.LeaseExpiresAtUtc:O}.\n{nodes.Output()}");
        Assert.StartsWith(nodes.B.LeaseOwnerPrefix, done.LeaseOwner ?? "(none)");
        Assert.True(done.UpdatedAtUtc > expiry, $"Finished at {done.UpdatedAtUtc:O}, before A's lease expired at {expiry:O}.");
        var written = (await b.JournalAsync(done.Id)).Written(TestWorkflows.RecoveredText);
        Assert.Single(written);
    }

    private async Task<InstanceRow?> InstanceAsync(string definitionId)
    {
        // now() of the database, the clock the leases are compared with (the nodes write UTC of the same machine).
        var rows = await nodes.Database.RowsAsync(
            """
            SELECT "Id", "SubStatus", "LeaseOwner", "LeaseExpiresAtUtc", "UpdatedAtUtc", now() AS "Now"
            FROM "WorkflowInstances" WHERE "DefinitionId" = $1
            """, definitionId);
        return rows.Count switch
        {
            0 => null,
            1 => new InstanceRow((string)rows[0]["Id"]!, (string)rows[0]["SubStatus"]!, (string?)rows[0]["LeaseOwner"],
                (DateTime?)rows[0]["LeaseExpiresAtUtc"], (DateTime)rows[0]["UpdatedAtUtc"]!, (DateTime)rows[0]["Now"]!),
            _ => throw new InvalidOperationException($"{rows.Count} instances of {definitionId}: the fact starts one."),
        };
    }

    private sealed record InstanceRow(string Id, string SubStatus, string? LeaseOwner, DateTime? LeaseExpiresAtUtc, DateTime UpdatedAtUtc, DateTime Now);
}
