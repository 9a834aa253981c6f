namespace Bishan.Workflow.Cases.Model;

/// <summary>A decision of a meeting. A decision about a case becomes a task on that case (<see cref="TaskId"/>).</summary>
public sealed class MeetingDecision
{
    public long Id { get; set; }
    public string MeetingId { get; set; } = "";

    /// <summary>Null for a general decision, which stays in the minutes only.</summary>
    public string? CaseId { get; set; }

    public string Text { get; set; } = "";
    public string? TaskId { get; set; }
}
