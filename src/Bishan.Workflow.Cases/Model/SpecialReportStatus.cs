namespace Bishan.Workflow.Cases.Model;

/// <summary>Where a special report (专报) stands: drafted and edited by the secretary, submitted for sign-off, signed and sent, or returned.</summary>
public enum SpecialReportStatus
{
    Draft,
    Submitted,
    Returned,
    Issued,
}
