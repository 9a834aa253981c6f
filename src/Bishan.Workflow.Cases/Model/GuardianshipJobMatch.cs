namespace Bishan.Workflow.Cases.Model;

/// <summary>A job of the register the department matched to a consultation before it was held.</summary>
public sealed class GuardianshipJobMatch
{
    public long ConsultationId { get; set; }
    public long JobId { get; set; }
}
