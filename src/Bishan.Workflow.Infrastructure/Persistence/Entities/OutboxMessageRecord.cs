namespace Bishan.Workflow.Infrastructure.Persistence.Entities;

/// <summary>
/// Work to do once a transaction has committed (schedule or unschedule a timer job, start a follow-up workflow, publish
/// an event), written in that same transaction and carried out by the outbox dispatcher, which deletes the row in the
/// transaction that does the work.
/// </summary>
public sealed class OutboxMessageRecord
{
    public string Id { get; set; } = "";

    /// <summary>What to do (<c>OutboxKinds</c>); <see cref="PayloadJson"/> says with what.</summary>
    public string Kind { get; set; } = "";
    public string PayloadJson { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Not before this time: now when written, later after a failed attempt (back-off).</summary>
    public DateTime DueAtUtc { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
