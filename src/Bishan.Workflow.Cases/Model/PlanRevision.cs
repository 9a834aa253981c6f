namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// One version of a case's support plan: its number, who made it, when, and what changed against the version before
/// (one line per change, in Chinese like the timeline). Append-only.
/// </summary>
public sealed class PlanRevision
{
    public long Id { get; set; }
    public string CaseId { get; set; } = "";
    public int Version { get; set; }
    public string? AuthorUserId { get; set; }
    public DateTime AtUtc { get; set; }
    public string Changes { get; set; } = "";

    /// <summary>The reason the author gave, optional.</summary>
    public string? Note { get; set; }
}
