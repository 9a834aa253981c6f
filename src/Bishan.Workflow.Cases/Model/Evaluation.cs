namespace Bishan.Workflow.Cases.Model;

/// <summary>A screening, exit evaluation or follow-up review of a case, with its checklist.</summary>
public sealed class Evaluation
{
    public long Id { get; set; }
    public string CaseId { get; set; } = "";
    public EvaluationKind Kind { get; set; }

    /// <summary>The result in the workflow's words (Eligible, Passed, Stable, Relapse …).</summary>
    public string Result { get; set; } = "";

    /// <summary>The ticked criteria (a JSON array of criterion texts or ids), for exit evaluations.</summary>
    public string? ChecklistJson { get; set; }

    public string? Comment { get; set; }
    public string? EvaluatorUserId { get; set; }
    public string? InstanceId { get; set; }
    public string? TaskId { get; set; }
    public DateTime AtUtc { get; set; }
}
