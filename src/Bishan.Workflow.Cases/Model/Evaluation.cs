namespace Bishan.Workflow.Cases.Model;

/// <summary>A screening, exit evaluation or follow-up review of a case, with its checklist.</summary>
public sealed class Evaluation
{
    public long Id { get; set; }
    public string CaseId { get; set; } = "";
    public EvaluationKind Kind { get; set; }

    /// <summary>The result in the workflow's words (Eligible, Passed, Stable, Relapse …).</summary>
    public string Result { get; set; } = "";

    /// <summary>
    /// The ticked criteria: a JSON array of <see cref="Criteria.CriterionAnswer"/> (id, text as judged, evidence) for
    /// screenings and exit evaluations judged against a criteria version; older rows hold a plain array of texts.
    /// </summary>
    public string? ChecklistJson { get; set; }

    /// <summary>The criteria version (<see cref="CriteriaVersion"/>) the judgement was made by; later edits do not change it.</summary>
    public long? CriteriaVersionId { get; set; }

    public string? Comment { get; set; }
    public string? EvaluatorUserId { get; set; }
    public string? InstanceId { get; set; }
    public string? TaskId { get; set; }
    public DateTime AtUtc { get; set; }
}
