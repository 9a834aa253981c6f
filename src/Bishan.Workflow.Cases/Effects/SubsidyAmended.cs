namespace Bishan.Workflow.Cases.Effects;

/// <summary>
/// Effect of <c>Bishan.AmendSubsidy</c>: the caseworker amended a subsidy request that was sent back, before it goes to the
/// approver again. <see cref="Reason"/> replaces the request's reason; <see cref="Amount"/>, when given (yuan, as typed), replaces
/// its amount. Gate: the subsidy must be the instance's own and still requested, the amount valid and covered by the budget
/// line; otherwise the pass is refused.
/// </summary>
public sealed record SubsidyAmended(string CaseId, string InstanceId, string SubsidyId, string? Amount, string Reason, DateTime AtUtc);
