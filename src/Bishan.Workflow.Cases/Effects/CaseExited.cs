namespace Bishan.Workflow.Cases.Effects;

/// <summary>
/// Effect of <c>Bishan.ExitCase</c> (出库): the case leaves the register, status Exited, and the host publishes
/// the <c>case-exited</c> event (correlated by case id) so that the help-record loop of case-intake ends.
/// Gate: applied only when an approved <see cref="Approvals.ApprovalDecided"/> with subject Exit was recorded for
/// the case before it (usually earlier in the same pass); otherwise the pass is refused.
/// </summary>
public sealed record CaseExited(string CaseId, string InstanceId, string? Reason, DateTime AtUtc);
