namespace Bishan.Workflow.Cases.Effects;

/// <summary>
/// Effect of <c>Bishan.ChangeTier</c>: escalation (升级) or de-escalation (降级) to <see cref="TargetTier"/>.
/// The host recomputes the coordinating body, reassigns the case's open tasks to it and writes the timeline.
/// Gate: applied only when an approved <see cref="Approvals.ApprovalDecided"/> with subject Escalation or
/// Deescalation and the same target tier was recorded for the case before it (usually earlier in the same
/// pass); otherwise the pass is refused.
/// </summary>
public sealed record CaseTierChanged(string CaseId, string InstanceId, string TargetTier, string? Reason, DateTime AtUtc);
