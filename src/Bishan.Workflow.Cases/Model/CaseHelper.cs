namespace Bishan.Workflow.Cases.Model;

/// <summary>A helper assigned to a case (the case's helper team). Released assignments stay for the history and workload figures.</summary>
public sealed class CaseHelper
{
    public long Id { get; set; }
    public string CaseId { get; set; } = "";
    public long HelperId { get; set; }

    /// <summary>Lead (组长) or Member, free text.</summary>
    public string Role { get; set; } = "";

    public DateTime AssignedAtUtc { get; set; }
    public DateTime? ReleasedAtUtc { get; set; }
}
