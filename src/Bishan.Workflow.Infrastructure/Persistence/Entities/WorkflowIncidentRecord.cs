namespace Bishan.Workflow.Infrastructure.Persistence.Entities;

/// <summary>A fault of an instance, kept after a retry as history.</summary>
public sealed class WorkflowIncidentRecord
{
    public string Id { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string NodeId { get; set; } = "";
    public string ActivityType { get; set; } = "";
    public string Message { get; set; } = "";
    public string? Code { get; set; }
    public DateTime TimestampUtc { get; set; }
}
