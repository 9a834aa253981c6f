namespace Bishan.Workflow.Infrastructure.Persistence.Entities;

/// <summary>One journal event; (InstanceId, Sequence) is unique so that no event can be written twice.</summary>
public sealed class WorkflowJournalRecord
{
    public long Id { get; set; }
    public string InstanceId { get; set; } = "";
    public long Sequence { get; set; }
    public string ActivityId { get; set; } = "";
    public string NodeId { get; set; } = "";
    public string ActivityType { get; set; } = "";
    public string? ActivityName { get; set; }
    public string EventName { get; set; } = "";
    public string? Message { get; set; }
    public string? Error { get; set; }
    public DateTime TimestampUtc { get; set; }
}
