using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// One approver's decision, the evidence the domain gates check: a case registers, changes tier or exits only
/// when an approved record of that subject (and target tier) exists for it, whatever a workflow says.
/// </summary>
public sealed class ApprovalRecord
{
    public long Id { get; set; }
    public string? CaseId { get; set; }
    public string InstanceId { get; set; } = "";
    public ApprovalSubject Subject { get; set; }
    public Tier? TargetTier { get; set; }

    /// <summary>1, or 2 for the second level.</summary>
    public int Level { get; set; }

    public ApprovalOutcome Outcome { get; set; }
    public string? Comment { get; set; }
    public string? ApproverUserId { get; set; }
    public DateTime DecidedAtUtc { get; set; }

    /// <summary>Set when a gate used this approval, so that one approval cannot justify two tier changes.</summary>
    public DateTime? ConsumedAtUtc { get; set; }
}
