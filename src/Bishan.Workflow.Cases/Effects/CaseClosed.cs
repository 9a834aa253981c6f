namespace Bishan.Workflow.Cases.Effects;

/// <summary>
/// Effect of <c>Bishan.CloseCase</c>: the file is closed with a reason (not eligible at screening, stable after
/// the last follow-up review). A closed file stays readable and can be re-entered later. The host also
/// publishes <c>case-exited</c> for the case, which ends help-record loops still waiting.
/// </summary>
public sealed record CaseClosed(string CaseId, string InstanceId, string Reason, DateTime AtUtc);
