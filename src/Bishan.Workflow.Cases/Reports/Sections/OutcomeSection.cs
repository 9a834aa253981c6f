using Bishan.Workflow.Cases.Incidents;
using Bishan.Workflow.Cases.Workflow;

namespace Bishan.Workflow.Cases.Reports.Sections;

/// <summary>The outcome indicators (成效指标) from the incident register, district-wide, this year against last (<see cref="OutcomeReport"/>).</summary>
public sealed class OutcomeSection(OutcomeOptions options) : ISpecialReportSection
{
    public string Key => "outcomes";
    public int Order => 200;

    public async Task<SectionDraft?> WriteAsync(SectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var body = await OutcomeReport.WriteAsync(context.Db.IncidentReports, context.NowUtc, options, cancellationToken);
        return new SectionDraft(CaseTexts.Format("Report_SectionOutcomes"), body);
    }
}
