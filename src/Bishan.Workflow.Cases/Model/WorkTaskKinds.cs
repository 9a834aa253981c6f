namespace Bishan.Workflow.Cases.Model;

/// <summary>Values of <see cref="WorkTask.Kind"/>.</summary>
public static class WorkTaskKinds
{
    public const string Task = "Task";
    public const string Decision = "Decision";

    /// <summary>The review of a support-plan goal at its date (no bookmark; completing it records the goal's result).</summary>
    public const string PlanReview = "PlanReview";
    /// <summary>An inbox item asking a recipient to read a signed special report (no bookmark; done when they open it).</summary>
    public const string ReportRead = "ReportRead";

    public const string ApprovalPrefix = "Approval:";

    public static bool IsApproval(string kind) => kind.StartsWith(ApprovalPrefix, StringComparison.Ordinal);

    public static string Approval(ApprovalSubject subject) => ApprovalPrefix + subject;
}
