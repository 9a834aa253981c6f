namespace Bishan.Workflow.Infrastructure.Outbox;

/// <summary>
/// This process among the nodes sharing a database: the owner written on instance leases, and how long they hold. A lease
/// of a node that died expires after <see cref="LeaseDuration"/>; a live node renews its own.
/// </summary>
public sealed class NodeIdentity
{
    public NodeIdentity(TimeSpan? leaseDuration = null)
    {
        LeaseDuration = leaseDuration ?? TimeSpan.FromSeconds(60);
        if (LeaseDuration < TimeSpan.FromSeconds(1)) throw new ArgumentOutOfRangeException(nameof(leaseDuration), "A lease lasts at least one second.");
    }

    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    public TimeSpan LeaseDuration { get; }
}
