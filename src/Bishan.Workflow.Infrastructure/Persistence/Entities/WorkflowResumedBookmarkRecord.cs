namespace Bishan.Workflow.Infrastructure.Persistence.Entities;

/// <summary>
/// A bookmark that was resumed (its bookmark row is gone). Written in the resuming transaction, so that a
/// later resume of the same id can answer "already resumed" (API 409) rather than "not found" (404).
/// </summary>
public sealed class WorkflowResumedBookmarkRecord
{
    public string Id { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public DateTime ResumedAtUtc { get; set; }
}
