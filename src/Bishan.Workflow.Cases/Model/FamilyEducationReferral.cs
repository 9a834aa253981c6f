using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// A case's family referred to a family-education sub-centre (家庭教育指导转介). The `family-education-referral` workflow carries
/// it: the sub-centre's accept/decline task and, after the set number of weeks, the evaluation task; its activities write the
/// outcome here (<c>Bishan.FamilyEducationStep</c>). Plan and sessions are rows the sub-centre keeps between those steps.
/// </summary>
public sealed class FamilyEducationReferral
{
    public string Id { get; set; } = "";
    public string CaseId { get; set; } = "";

    /// <summary>The sub-centre serving the case's area.</summary>
    public string SubCentreId { get; set; } = "";

    public string Reason { get; set; } = "";
    public string ReferredByUserId { get; set; } = "";
    public DateTime ReferredAtUtc { get; set; }

    /// <summary>The district day of the referral: no session is dated before it.</summary>
    public DateOnly ReferredOn { get; set; }

    public FamilyEducationStatus Status { get; set; }
    public string? DecisionReason { get; set; }
    public DateTime? DecidedAtUtc { get; set; }

    /// <summary>Planned kinds of guidance, comma-separated <see cref="GuidanceKind"/> names.</summary>
    public string? PlanKinds { get; set; }

    public string? PlanNote { get; set; }
    public DateTime? PlannedAtUtc { get; set; }
    public int EvaluationWeeks { get; set; }
    public ParentingChange? Result { get; set; }
    public string? EvaluationNote { get; set; }
    public DateTime? EvaluatedAtUtc { get; set; }
    public string? WorkflowInstanceId { get; set; }
}
