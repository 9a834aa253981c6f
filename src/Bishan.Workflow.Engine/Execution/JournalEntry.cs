namespace Bishan.Workflow.Engine.Execution;

/// <summary>One event in an instance's execution journal.</summary>
public sealed record JournalEntry(
    long Sequence,
    string ActivityId,
    string NodeId,
    string ActivityType,
    string? ActivityName,
    string EventName,
    string? Message,
    string? Error,
    DateTime TimestampUtc);

public static class JournalEvents
{
    public const string Started = "Started";
    public const string Completed = "Completed";
    public const string Suspended = "Suspended";
    public const string Resumed = "Resumed";
    public const string Faulted = "Faulted";
    public const string Cancelled = "Cancelled";
}
