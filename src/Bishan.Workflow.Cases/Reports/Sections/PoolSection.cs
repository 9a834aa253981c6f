using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Statistics.GetPoolFigures;
using Bishan.Workflow.Cases.Workflow;

namespace Bishan.Workflow.Cases.Reports.Sections;

/// <summary>The helper resource pool's totals by kind, and the social workers by employing unit (issue 11, point 1).</summary>
public sealed class PoolSection(OrgTree tree) : ISpecialReportSection
{
    public string Key => "pool";
    public int Order => 350;

    public async Task<SectionDraft?> WriteAsync(SectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var figures = await GetPoolFiguresHandler.ComputeAsync(context.Db, tree, cancellationToken);
        var separator = CaseTexts.Format("Report_Separator");
        var kinds = string.Join(separator, figures.ByKind.Where(k => k.Count > 0).Select(k => CaseTexts.Format("ReportPool_Kind", k.Label, k.Count)));
        var lines = new List<string> { CaseTexts.Format("ReportPool_Total", figures.Total, kinds.Length == 0 ? "-" : kinds) };
        if (figures.SocialWorkersByUnit.Count > 0)
            lines.Add(CaseTexts.Format("ReportPool_SocialWorkers",
                string.Join(separator, figures.SocialWorkersByUnit.Select(u => CaseTexts.Format("ReportPool_Kind", u.Name, u.Count)))));
        return new SectionDraft(CaseTexts.Format("ReportPool_Section"), string.Join('\n', lines));
    }
}
