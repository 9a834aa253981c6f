using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Supervision;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Workflow;

/// <summary>Applies the `supervision` workflow's escalation in the pass's transaction.</summary>
internal static class SupervisionEffects
{
    /// <summary>
    /// Still unanswered at the deadline: the notice is marked escalated, the leaders, the leading group's office and 区督查办
    /// are notified, and the case (if any) gets a timeline line. An answered or signed-off notice is left alone.
    /// </summary>
    public static async Task ApplyAsync(PassScope scope, SupervisionEscalated e)
    {
        var notice = await scope.Db.SupervisionNotices.FirstOrDefaultAsync(n => n.Id == e.NoticeId, scope.Ct);
        if (notice is null || notice.EscalatedAtUtc is not null) return;
        var tasks = await scope.Db.WorkTasks.Where(t => t.InstanceId == notice.WorkflowInstanceId).ToListAsync(scope.Ct);
        var state = SupervisionState.Of(tasks.Concat(scope.Db.WorkTasks.Local.Where(t => t.InstanceId == notice.WorkflowInstanceId && !tasks.Contains(t))));
        if (state.Status is not (SupervisionStatus.Issued or SupervisionStatus.Returned)) return;

        notice.EscalatedAtUtc = e.AtUtc;
        var staff = await scope.StaffAsync();
        var recipients = staff.InRole(Roles.Leader, OrgUnitIds.District)
            .Concat(staff.AtUnit(OrgUnitIds.LeadingGroupOffice))
            .Concat(staff.InRole(Roles.Inspector, OrgUnitIds.SupervisionOffice))
            .Select(m => m.UserId);
        var unit = await scope.Db.OrgUnits.Where(u => u.Id == notice.UnitId).Select(u => u.Name).FirstOrDefaultAsync(scope.Ct) ?? notice.UnitId;
        var text = CaseTexts.Format("SupervisionEscalatedText", notice.Number, unit, notice.Subject, notice.DeadlineOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        scope.Notify(recipients, CaseTexts.Format("SupervisionEscalatedTitle", notice.Number), text, notice.CaseId, state.OpenTaskId);
        if (notice.CaseId is not null) scope.Timeline(notice.CaseId, TimelineKind.Note, text);
    }
}
