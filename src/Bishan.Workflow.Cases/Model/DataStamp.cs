namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// The version of the cases and tasks, one row (<see cref="SingleId"/>): every transaction that adds, changes or removes a
/// <see cref="Case"/> or a <see cref="WorkTask"/> bumps it before it commits (the infrastructure's SaveChanges and
/// transaction interceptor, the one place that does). A read that depends only on those rows (the statistics overview,
/// the totals of the case list and the inbox) may reuse an answer computed at the same version on this node; every node
/// reads the row per request, so a write on any node is seen at once everywhere (issue 15).
/// </summary>
public sealed class DataStamp
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;
    public long Version { get; set; }
}
