using System.Globalization;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Statistics.GetFamilyEducationFigures;
using Bishan.Workflow.Cases.Workflow;

namespace Bishan.Workflow.Cases.Reports.Sections;

/// <summary>The family-education guidance centre's referrals, sessions and attendance rate, by sub-centre (issue 10, point 2).</summary>
public sealed class FamilyEducationSection(OrgTree tree) : ISpecialReportSection
{
    public string Key => "family-education";
    public int Order => 360;

    public async Task<SectionDraft?> WriteAsync(SectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var figures = await GetFamilyEducationFiguresHandler.ComputeAsync(context.Db, tree, cancellationToken);
        var lines = new List<string> { Line(figures.Total, tree, "FamilyEducationReport_Total") };
        lines.AddRange(figures.BySubCentre.Select(u => Line(u, tree, "FamilyEducationReport_SubCentre")));
        return new SectionDraft(CaseTexts.Format("FamilyEducationReport_Section"), string.Join('\n', lines));
    }

    private static string Line(FamilyEducationUnitFigures f, OrgTree tree, string key) =>
        CaseTexts.Format(key, f.SubCentreId is { } id ? tree.Find(id)?.Name ?? id : "", f.Referrals, f.Accepted, f.Declined, f.Evaluated, f.Improved, f.Sessions,
            f.AttendanceRate is { } rate ? rate.ToString("0.0", CultureInfo.InvariantCulture) + "%" : CaseTexts.Format("FamilyEducationReport_NoAttendance"))
        + CaseTexts.Format("FamilyEducationClassReport_Classes", f.ClassesHeld, f.ParentsInvited, f.ParentsCame,
            f.ClassAttendanceRate is { } classRate ? classRate.ToString("0.0", CultureInfo.InvariantCulture) + "%" : CaseTexts.Format("FamilyEducationReport_NoAttendance"));
}
