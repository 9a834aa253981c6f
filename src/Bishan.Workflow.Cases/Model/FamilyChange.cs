namespace Bishan.Workflow.Cases.Model;

/// <summary>One change to a case's family data (who, when, what changed, in Chinese like the timeline). Append-only: the history.</summary>
public sealed class FamilyChange
{
    public long Id { get; set; }
    public string CaseId { get; set; } = "";
    public string? AuthorUserId { get; set; }
    public DateTime AtUtc { get; set; }
    public string Changes { get; set; } = "";
}
