namespace Bishan.Workflow.Infrastructure.Persistence.Entities;

/// <summary>
/// The journal events of one execution pass, in one row (issue 15: one index entry per pass instead of one per event).
/// <see cref="Sequence"/> is the first event's number, the others follow it one by one; (InstanceId, Sequence) is unique,
/// so that no pass can be written twice. The events themselves are in <see cref="EntriesJson"/> (the runtime's
/// <c>JournalJson</c> reads and writes them); <see cref="TimestampUtc"/> is the first event's time.
/// </summary>
public sealed class WorkflowJournalRecord
{
    public long Id { get; set; }
    public string InstanceId { get; set; } = "";
    public long Sequence { get; set; }
    /// <summary>Number of events in <see cref="EntriesJson"/>: retention reports events, not rows, without reading them.</summary>
    public int EntryCount { get; set; }
    public DateTime TimestampUtc { get; set; }
    public string EntriesJson { get; set; } = "[]";
}
