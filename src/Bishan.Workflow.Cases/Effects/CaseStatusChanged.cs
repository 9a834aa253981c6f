namespace Bishan.Workflow.Cases.Effects;

/// <summary>
/// Effect of <c>Bishan.SetCaseStatus</c>: the case moves to <see cref="Status"/> (Referred, Screening, Registered,
/// ExitEvaluation, Exited, FollowUp, Closed, Rejected). Entering and leaving the register carry a gate and go
/// through <see cref="CaseRegistered"/> and <see cref="CaseExited"/>: here the host accepts Registered only for
/// a case already in the register (back from an exit evaluation that did not pass) and never Exited.
/// </summary>
public sealed record CaseStatusChanged(string CaseId, string InstanceId, string Status, string? Reason, DateTime AtUtc);
