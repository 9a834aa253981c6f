namespace Bishan.Workflow.Cases.Auditing;

/// <summary>Values of <see cref="Model.AuditEntry.Action"/> the use cases write, so filters and tests spell them the same way.</summary>
public static class AuditActions
{
    public const string ReferralCreate = "referral.create";
    public const string CaseRead = "case.read";
    public const string EscalationRequest = "case.escalation.request";
    public const string ExitEvaluationRequest = "case.exit-evaluation.request";
    public const string HelpRecordAdd = "case.help-record.add";
    public const string TaskRead = "task.read";
    public const string TaskClaim = "task.claim";
    public const string TaskUnclaim = "task.unclaim";
    public const string TaskReassign = "task.reassign";
    public const string TaskComment = "task.comment";
    public const string TaskComplete = "task.complete";
    public const string RegisterExport = "register.export";
    public const string AuditRead = "audit.read";
}
