using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Workflow;

/// <summary>
/// The special report's sign-off (专报签发): signing needs an approved <see cref="ApprovalSubject.SpecialReport"/> approval of the
/// same instance and a report not yet signed; a signed report is sent to every leader (领导小组) and every user of 区督查办
/// (<see cref="Roles.Inspector"/>), each with a recipient row, an inbox item (<see cref="WorkTaskKinds.ReportRead"/>) and a
/// notification. A return goes back to the drafter with the reason.
/// </summary>
internal static class ReportEffects
{
    /// <summary>The roles a signed report is sent to, in the order the receipts list them.</summary>
    private static readonly string[] RecipientRoleNames = [Roles.Leader, Roles.Inspector];

    public static IReadOnlyList<string> RecipientRoles => RecipientRoleNames;

    public static async Task ApplyAsync(PassScope scope, SpecialReportSigned e)
    {
        var report = await LoadAsync(scope, e.ReportId);
        if (report.Status == SpecialReportStatus.Issued)
            throw new CaseGateException(CaseGateException.ReportAlreadySigned, $"Refused: special report {report.NumberText} is already signed.");
        var approval = scope.Db.ApprovalRecords.Local
            .Where(a => a.InstanceId == e.InstanceId && a.Subject == ApprovalSubject.SpecialReport)
            .OrderByDescending(a => a.DecidedAtUtc).FirstOrDefault();
        if (approval is not { Outcome: ApprovalOutcome.Approved })
            throw new CaseGateException(CaseGateException.ReportNotApproved,
                $"Refused: special report {report.NumberText} has no approved sign-off in workflow instance {e.InstanceId}.");

        report.Status = SpecialReportStatus.Issued;
        report.SignedAtUtc = scope.NowUtc;
        report.SignedByUserId = approval.ApproverUserId;
        report.SignOffComment = approval.Comment;
        report.UpdatedAtUtc = scope.NowUtc;
        await SendAsync(scope.Db, report, scope.NowUtc, scope.Ct);
        scope.Notify([report.DraftedByUserId], CaseTexts.Format("Report_SignedTitle", report.NumberText),
            CaseTexts.Format("Report_SignedMessage", report.NumberText, report.Title), null, null);
    }

    public static async Task ApplyAsync(PassScope scope, SpecialReportReturned e)
    {
        var report = await LoadAsync(scope, e.ReportId);
        if (report.Status == SpecialReportStatus.Issued)
            throw new CaseGateException(CaseGateException.ReportAlreadySigned, $"Refused: special report {report.NumberText} is already signed.");
        var decision = scope.Db.ApprovalRecords.Local
            .Where(a => a.InstanceId == e.InstanceId && a.Subject == ApprovalSubject.SpecialReport)
            .OrderByDescending(a => a.DecidedAtUtc).FirstOrDefault();
        report.Status = SpecialReportStatus.Returned;
        report.ReturnedAtUtc = scope.NowUtc;
        report.ReturnedByUserId = decision?.ApproverUserId;
        report.ReturnReason = e.Reason ?? decision?.Comment;
        report.UpdatedAtUtc = scope.NowUtc;
        scope.Notify([report.DraftedByUserId], CaseTexts.Format("Report_ReturnedTitle", report.NumberText),
            CaseTexts.Format("Report_ReturnedMessage", report.NumberText, report.ReturnReason ?? CaseTexts.Format("Report_None")), null, null);
    }

    /// <summary>
    /// Sends a signed report: every user holding a recipient role gets a recipient row, an inbox item and a notification.
    /// Also used by the demo data for its signed report.
    /// </summary>
    public static async Task SendAsync(ICasesDbContext db, SpecialReport report, DateTime nowUtc, CancellationToken ct)
    {
        var staff = (await db.Staff.ToListAsync(ct)).Where(s => RecipientRoleNames.Contains(s.Role, StringComparer.Ordinal)).ToList();
        foreach (var member in staff.DistinctBy(s => s.UserId).OrderBy(s => Array.IndexOf(RecipientRoleNames, s.Role)).ThenBy(s => s.UserName, StringComparer.Ordinal))
        {
            if (report.Recipients.Any(r => r.UserId == member.UserId)) continue;
            var task = new WorkTask
            {
                Id = Guid.NewGuid().ToString("N"),
                Kind = WorkTaskKinds.ReportRead,
                Title = CaseTexts.Format("Report_ReadTaskTitle", report.NumberText),
                Description = $"{report.Title}\n{report.Period}\n/reports/{report.Id}",
                FormJson = new JsonArray().ToJsonString(),
                OutcomesJson = """["Read"]""",
                AssigneeRule = "user:" + member.UserName,
                AssigneeUserId = member.UserId,
                OrgUnitId = member.OrgUnitId,
                Status = WorkTaskStatus.Open,
                CreatedAtUtc = nowUtc,
            };
            db.WorkTasks.Add(task);
            report.Recipients.Add(new SpecialReportRecipient
            {
                ReportId = report.Id, UserId = member.UserId, Role = member.Role, TaskId = task.Id, SentAtUtc = nowUtc,
            });
            db.Notifications.Add(new Notification
            {
                UserId = member.UserId,
                Title = CaseTexts.Format("Report_SentTitle", report.NumberText),
                Message = CaseTexts.Format("Report_SentMessage", report.NumberText, report.Title),
                TaskId = task.Id,
                CreatedAtUtc = nowUtc,
            });
        }
    }

    private static async Task<SpecialReport> LoadAsync(PassScope scope, string reportId) =>
        scope.Db.SpecialReports.Local.FirstOrDefault(r => r.Id == reportId)
        ?? await scope.Db.SpecialReports.Include(r => r.Recipients).FirstOrDefaultAsync(r => r.Id == reportId, scope.Ct)
        ?? throw new CaseGateException(CaseGateException.ReportNotFound, $"Special report '{reportId}' does not exist (workflow instance {scope.Pass.InstanceId}).");
}
