namespace Bishan.Workflow.Cases.Model;

/// <summary>One line of a case's timeline: everything that happened to the file, from workflows and from people.</summary>
public sealed class TimelineEntry
{
    /// <summary>Database-generated; also breaks ties between entries written in the same instant.</summary>
    public long Id { get; set; }

    public string CaseId { get; set; } = "";
    public DateTime AtUtc { get; set; }
    public TimelineKind Kind { get; set; }

    /// <summary>The line in Chinese (resource text at the time of writing; the timeline is a record, not a label).</summary>
    public string Text { get; set; } = "";

    /// <summary>Who did it; null for the system (a workflow step, a timer).</summary>
    public string? ActorUserId { get; set; }

    /// <summary>The workflow instance that wrote it, if any.</summary>
    public string? InstanceId { get; set; }

    public string? TaskId { get; set; }
}
