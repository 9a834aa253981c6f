using System.Collections.Concurrent;
using Bishan.Workflow.Infrastructure.Outbox;
using Bishan.Workflow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>
/// Leases on instances that are Executing outside a use case's transaction (a start stores the instance as Executing
/// before its first pass). The node running such a pass holds the lease and renews it while the pass runs
/// (<see cref="RenewAsync"/>, from <see cref="NodeWorker"/>); another node recovers the instance only after the lease has
/// expired (<see cref="TryClaimAsync"/>), so a live node's instances are never taken over.
/// </summary>
internal sealed class InstanceLeases(NodeIdentity node, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, byte> _held = new(StringComparer.Ordinal);

    public string Owner => node.Id;

    public DateTime ExpiryFromNow() => time.GetUtcNow().UtcDateTime + node.LeaseDuration;

    /// <summary>Marks the instance as running here until the returned handle is disposed.</summary>
    public IDisposable Hold(string instanceId)
    {
        _held[instanceId] = 0;
        return new Release(this, instanceId);
    }

    /// <summary>Takes over an Executing instance whose lease expired (or that has none); false if a live node holds it.</summary>
    public async Task<bool> TryClaimAsync(BishanDbContext db, string instanceId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claimed = await db.Database.ExecuteSqlRawAsync(
            """
            UPDATE "WorkflowInstances" SET "LeaseOwner" = {0}, "LeaseExpiresAtUtc" = {1}
            WHERE "Id" = {2} AND "SubStatus" = 'Executing' AND ("LeaseExpiresAtUtc" IS NULL OR "LeaseExpiresAtUtc" < {3})
            """, [node.Id, now + node.LeaseDuration, instanceId, now], ct);
        return claimed == 1;
    }

    /// <summary>Extends the leases of the instances this node is running.</summary>
    public async Task<int> RenewAsync(BishanDbContext db, CancellationToken ct)
    {
        var renewed = 0;
        foreach (var id in _held.Keys)
            renewed += await db.Database.ExecuteSqlRawAsync(
                """UPDATE "WorkflowInstances" SET "LeaseExpiresAtUtc" = {0} WHERE "Id" = {1} AND "LeaseOwner" = {2}""",
                [ExpiryFromNow(), id, node.Id], ct);
        return renewed;
    }

    private sealed class Release(InstanceLeases leases, string instanceId) : IDisposable
    {
        public void Dispose() => leases._held.TryRemove(instanceId, out _);
    }
}
