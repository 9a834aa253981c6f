namespace Bishan.Workflow.Cases.Effects;

/// <summary>
/// Effect of <c>Bishan.DecideSubsidy</c>: the subsidy <see cref="SubsidyId"/> of the case is Approved, Rejected or Withdrawn.
/// Approved records the expenditure against the subsidy's budget line. Gate: Approved is applied only when an approved
/// <see cref="Approvals.ApprovalDecided"/> with subject Subsidy was recorded by the same instance before it (usually earlier
/// in the same pass), the subsidy belongs to that instance and is still Requested, and the line can still cover it;
/// otherwise the pass is refused.
/// </summary>
public sealed record SubsidyDecided(string CaseId, string InstanceId, string SubsidyId, string Decision, string? Reason, DateTime AtUtc);
