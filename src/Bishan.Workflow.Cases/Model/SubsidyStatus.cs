namespace Bishan.Workflow.Cases.Model;

public enum SubsidyStatus
{
    Requested,
    Approved,
    Rejected,
    Paid,

    /// <summary>The caseworker withdrew the request after it was sent back.</summary>
    Withdrawn,
}
