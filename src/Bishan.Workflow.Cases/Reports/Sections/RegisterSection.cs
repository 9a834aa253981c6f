using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Statistics;
using Bishan.Workflow.Cases.Workflow;

namespace Bishan.Workflow.Cases.Reports.Sections;

/// <summary>The register's headline figures (<see cref="RegisterFigures"/>): totals, by action, by tier, by area.</summary>
public sealed class RegisterSection : ISpecialReportSection
{
    public string Key => "register";
    public int Order => 100;

    public async Task<SectionDraft?> WriteAsync(SectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var f = await RegisterFigures.ComputeAsync(context.Db.Cases, context.Db.WorkTasks, context.NowUtc, cancellationToken);
        var sep = CaseTexts.Format("Report_Separator");
        var lines = new[]
        {
            CaseTexts.Format("Report_OverviewLine", f.RegisteredTotal, f.ExitedTotal, f.InRegister),
            CaseTexts.Format("Report_ByAction", string.Join(sep, f.ByAction.Select(x => $"{CaseTexts.Label(x.Key)}{x.Value}人"))),
            CaseTexts.Format("Report_ByTier", string.Join(sep, f.ByTier.Select(x => $"{CaseTexts.Label(x.Key)}{x.Value}人"))),
            CaseTexts.Format("Report_ByArea", string.Join(sep, OrgUnitIds.Areas.Select(a => $"{OrgUnitSeed.Tree.Find(a)?.Name ?? a}{f.ByArea.GetValueOrDefault(a)}人"))),
        };
        return new SectionDraft(CaseTexts.Format("Report_SectionRegister"), string.Join('\n', lines));
    }
}
