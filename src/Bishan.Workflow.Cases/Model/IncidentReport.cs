using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// One incident for the outcome indicators (事件登记): an offence, a suicide attempt or an abnormal death of a minor, reported
/// by 区委政法委, 区公安局, 区卫健委 or 区教委. It holds no name or ID number: a minor in the register is named only by the link
/// to their case, and reading that link is audited like a case-file read.
/// </summary>
public sealed class IncidentReport
{
    public long Id { get; set; }
    public IncidentKind Kind { get; set; }

    /// <summary>The day it happened, in Asia/Shanghai; periods are counted by it.</summary>
    public DateOnly OccurredOn { get; set; }

    /// <summary>The area (片区) where it happened.</summary>
    public string AreaId { get; set; } = "";

    /// <summary>The minor's school, when known; always a school of <see cref="AreaId"/>.</summary>
    public string? SchoolId { get; set; }

    /// <summary>Whether the minor is (or was) in the Five-Actions register.</summary>
    public bool MinorInRegister { get; set; }

    /// <summary>The minor's case, when the reporter could name it (then <see cref="MinorInRegister"/> is true).</summary>
    public string? CaseId { get; set; }

    /// <summary>The reporting body (报送单位): one of <see cref="Incidents.ReportingBodies.All"/>.</summary>
    public string ReportingBodyId { get; set; } = "";

    /// <summary>A short description without names or ID numbers.</summary>
    public string Description { get; set; } = "";

    public string? RecordedByUserId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
