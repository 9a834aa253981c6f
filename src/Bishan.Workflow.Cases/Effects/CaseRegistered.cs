namespace Bishan.Workflow.Cases.Effects;

/// <summary>
/// Effect of <c>Bishan.RegisterCase</c> (入库): the case enters the register under <see cref="Action"/> at
/// <see cref="Tier"/>, status Registered, coordinating body derived from tier + action + area.
/// Gate: the host applies it only when an approved <see cref="Approvals.ApprovalDecided"/> with subject
/// Registration was recorded for the case before it (usually earlier in the same pass, when the approval
/// completes) and, with a second level, at every level; otherwise the host refuses the pass, so a hand-edited
/// workflow cannot register a case without approval.
/// </summary>
public sealed record CaseRegistered(string CaseId, string InstanceId, string Action, string Tier, string? Reason, DateTime AtUtc);
