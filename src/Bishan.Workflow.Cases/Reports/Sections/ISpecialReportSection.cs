namespace Bishan.Workflow.Cases.Reports.Sections;

/// <summary>
/// One figure provider of the special report (专报): it drafts one section from live data. The report is the providers'
/// sections in <see cref="Order"/>, numbered 一、二、… when composed, so a new section (family and guardianship figures, the
/// resource pool's totals) is one class and one registration (<c>AddCasesInfrastructure</c>), nothing else.
/// </summary>
public interface ISpecialReportSection
{
    /// <summary>Stable key stored with the section (<c>register</c>, <c>outcomes</c>, …).</summary>
    string Key { get; }

    /// <summary>Where the section goes: 100 the register, 200 outcomes, 300 the meeting, 400 supervision; leave gaps.</summary>
    int Order { get; }

    /// <summary>The section's heading (without its number) and body in Chinese (stored text), or null to leave it out.</summary>
    Task<SectionDraft?> WriteAsync(SectionContext context, CancellationToken cancellationToken);
}
