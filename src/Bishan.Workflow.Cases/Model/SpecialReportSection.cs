namespace Bishan.Workflow.Cases.Model;

/// <summary>One section of a special report: drafted by a figure provider (<see cref="Reports.Sections.ISpecialReportSection"/>), then edited.</summary>
public sealed class SpecialReportSection
{
    public long Id { get; set; }
    public string ReportId { get; set; } = "";
    public int Position { get; set; }

    /// <summary>The provider's key (<c>register</c>, <c>outcomes</c>, <c>meeting</c>, <c>supervision</c>, …).</summary>
    public string Key { get; set; } = "";
    public string Heading { get; set; } = "";
    public string Body { get; set; } = "";
}
