namespace Bishan.Workflow.Cases.Model;

public enum ApprovalOutcome
{
    Approved,
    Rejected,

    /// <summary>Returned for more information (退回补充).</summary>
    SentBack,
}
