namespace Bishan.Workflow.Cases.Approvals;

/// <summary>Effect: an approver decided. The domain keeps it as the evidence its gates check.</summary>
public sealed record ApprovalDecided(
    string? CaseId,
    string InstanceId,
    string Subject,
    string? TargetTier,
    int Level,
    string Outcome,
    string? Comment,
    string? UserId);
