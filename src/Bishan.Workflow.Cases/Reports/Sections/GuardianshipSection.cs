using Bishan.Workflow.Cases.Statistics.GetGuardianshipFigures;
using Bishan.Workflow.Cases.Workflow;

namespace Bishan.Workflow.Cases.Reports.Sections;

/// <summary>The parents-return-home guardianship consultation: consultations, parents returned, jobs found per employer (issue 10, point 3).</summary>
public sealed class GuardianshipSection : ISpecialReportSection
{
    public string Key => "guardianship";
    public int Order => 370;

    public async Task<SectionDraft?> WriteAsync(SectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var f = await GetGuardianshipFiguresHandler.ComputeAsync(context.Db, cancellationToken);
        var lines = new List<string>
        {
            CaseTexts.Format("ReportGuardianship_Totals", f.Consultations, f.Recorded, f.ParentsReturned, f.JobsFound, f.EntrustedGuardians, f.NotPossibleNow),
            CaseTexts.Format("ReportGuardianship_FollowUps", f.FollowUpsDone, f.StillAtHomeAndCaring),
            CaseTexts.Format("ReportGuardianship_Register", f.Employers, f.SignedEmployers, f.OpenPlaces),
        };
        var found = f.ByEmployer.Where(e => e.JobsFound > 0).ToList();
        if (found.Count > 0)
            lines.Add(CaseTexts.Format("ReportGuardianship_ByEmployer",
                string.Join(CaseTexts.Format("Report_Separator"), found.Select(e => CaseTexts.Format("ReportGuardianship_Employer", e.Name, e.JobsFound)))));
        return new SectionDraft(CaseTexts.Format("ReportGuardianship_Section"), string.Join('\n', lines));
    }
}
