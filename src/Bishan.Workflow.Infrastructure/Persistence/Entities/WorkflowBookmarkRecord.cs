namespace Bishan.Workflow.Infrastructure.Persistence.Entities;

/// <summary>
/// A point where an instance waits. The row exists exactly as long as the bookmark can be resumed:
/// resuming deletes it first, which is what makes a second resume of the same bookmark lose.
/// </summary>
public sealed class WorkflowBookmarkRecord
{
    public string Id { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Key { get; set; }
    public string? CorrelationId { get; set; }
    public string ActivityId { get; set; } = "";
    public string NodeId { get; set; } = "";
    public string ActivityType { get; set; } = "";
    public DateTime? ResumeAtUtc { get; set; }
    public string? PayloadJson { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
