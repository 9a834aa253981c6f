using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Statistics;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Cases.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Reports.Sections;

/// <summary>Work to supervise: overdue tasks and pending approvals, and each overdue task on a severe case by file number.</summary>
public sealed class SupervisionSection : ISpecialReportSection
{
    public string Key => "supervision";
    public int Order => 400;

    public async Task<SectionDraft?> WriteAsync(SectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var db = context.Db;
        var f = await RegisterFigures.ComputeAsync(db.Cases, db.WorkTasks, context.NowUtc, cancellationToken);
        var now = context.NowUtc;
        var severeOverdue = await (from t in db.WorkTasks
                                   join c in db.Cases on t.CaseId equals c.Id
                                   where t.Status == WorkTaskStatus.Open && t.DueAtUtc != null && t.DueAtUtc < now && c.Tier == Tier.Severe
                                   orderby c.FileNumber
                                   select c.FileNumber + " " + t.Title).ToListAsync(cancellationToken);
        var lines = new List<string> { CaseTexts.Format("Report_SupervisionLine", f.OverdueTasks, f.PendingApprovals) };
        if (severeOverdue.Count > 0)
            lines.Add(CaseTexts.Format("Report_SevereOverdue", severeOverdue.Count, string.Join(CaseTexts.Format("Report_Separator"), severeOverdue)));
        return new SectionDraft(CaseTexts.Format("Report_SectionSupervision"), string.Join('\n', lines));
    }
}
