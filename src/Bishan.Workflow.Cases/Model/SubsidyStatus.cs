namespace Bishan.Workflow.Cases.Model;

public enum SubsidyStatus
{
    Requested,
    Approved,
    Rejected,
    Paid,
}
