namespace Bishan.Workflow.Infrastructure.Persistence.Entities;

/// <summary>
/// A point where an instance waits. It can be resumed while <see cref="BurnedAtUtc"/> is null: resuming sets it first
/// (an UPDATE guarded by the null), which is what makes a second resume of the same bookmark lose; the burned row stays
/// so that a later resume of the same id answers "already resumed" (API 409) rather than "not found" (404). A bookmark
/// removed without being resumed (its branch was cancelled) is deleted. Every reader of waiting bookmarks asks for
/// <c>BurnedAtUtc IS NULL</c> (issue 15, engine round six: one row updated in place instead of a row deleted here and
/// one inserted into a table of resumed bookmarks).
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
    /// <summary>When the bookmark was resumed; null while it waits.</summary>
    public DateTime? BurnedAtUtc { get; set; }
}
