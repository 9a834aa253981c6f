namespace Bishan.Workflow.Infrastructure.Persistence.Entities;

/// <summary>
/// The journal events of one execution pass, in one row (issue 15: one row per pass instead of one per event).
/// <see cref="Sequence"/> is the first event's number, the others follow it one by one; the events themselves are in
/// <see cref="EntriesJson"/> (the runtime's <c>JournalJson</c> reads and writes them); <see cref="TimestampUtc"/> is the
/// first event's time.
/// </summary>
/// <remarks>
/// The table has no index (issue 15, engine round six): an index by instance got one entry per pass in the middle of the
/// instance's range, one to two more pages written by every pass. An instance's rows are a chain instead: the instance
/// names its newest row (<see cref="WorkflowInstanceRecord.LastJournalId"/>) and each row the one before it
/// (<see cref="PreviousId"/>), all looked up by the table's key. The pass writes its row in the transaction whose instance
/// update is guarded by the concurrency token, so a pass is journaled once and the chain never forks.
/// </remarks>
public sealed class WorkflowJournalRecord
{
    public long Id { get; set; }
    public string InstanceId { get; set; } = "";
    public long Sequence { get; set; }
    /// <summary>Number of events in <see cref="EntriesJson"/>: retention reports events, not rows, without reading them.</summary>
    public int EntryCount { get; set; }
    public DateTime TimestampUtc { get; set; }
    public string EntriesJson { get; set; } = "[]";
    /// <summary>The instance's journal row before this one; null for its first.</summary>
    public long? PreviousId { get; set; }
}
