namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// A supervision notice (督办) from 区督查办 to a unit about late work: an overdue task or a case, what to put right and by
/// when. The `supervision` workflow carries it (the unit's answer and 督查办's sign-off are tasks of that instance), so the
/// notice's state is read from those tasks; the row keeps what was asked and when it escalated.
/// </summary>
public sealed class SupervisionNotice
{
    public string Id { get; set; } = "";

    /// <summary>督办〔year〕N号, numbered per year.</summary>
    public string Number { get; set; } = "";

    public string UnitId { get; set; } = "";
    public string? CaseId { get; set; }

    /// <summary>The overdue task the notice is about, if any.</summary>
    public string? TaskId { get; set; }

    public string Subject { get; set; } = "";
    public string Requirement { get; set; } = "";

    /// <summary>The last day to answer (Asia/Shanghai).</summary>
    public DateOnly DeadlineOn { get; set; }

    /// <summary>The end of <see cref="DeadlineOn"/> in UTC: the escalation timer fires then.</summary>
    public DateTime DeadlineAtUtc { get; set; }

    public string IssuedByUserId { get; set; } = "";
    public DateTime IssuedAtUtc { get; set; }
    public string? WorkflowInstanceId { get; set; }

    /// <summary>Set when the deadline passed without an answer and the leading group was told.</summary>
    public DateTime? EscalatedAtUtc { get; set; }
}
