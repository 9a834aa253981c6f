using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Reports;

/// <summary>
/// Who reads and writes special reports (专报). The task force writes them: the secretary, its supervisors and administrators
/// draft (<see cref="Permissions.MayRunMeetings"/>), and only the drafter edits and submits a draft. Readers of every report: the
/// task force and administrators; the recipients (leaders, 区督查办) read signed reports only. Everyone else: 403.
/// </summary>
public static class ReportAccess
{
    /// <summary>Whether the user sees drafts and submitted reports too (the task force, administrators).</summary>
    public static bool SeesDrafts(ICurrentUser user) => Permissions.MayRunMeetings(user);

    public static bool MayRead(ICurrentUser user) => SeesDrafts(user) || user.IsInRole(Roles.Leader) || user.IsInRole(Roles.Inspector);

    /// <exception cref="ForbiddenException">The user reads no special reports.</exception>
    public static void EnsureMayRead(ICurrentUser user)
    {
        if (!MayRead(user)) throw new ForbiddenException(UseCaseStrings.Format("Report_ReadForbidden"));
    }

    /// <exception cref="ForbiddenException">The user may not draft special reports.</exception>
    public static void EnsureMayDraft(ICurrentUser user)
    {
        if (!SeesDrafts(user)) throw new ForbiddenException(UseCaseStrings.Format("Report_DraftForbidden"));
    }

    /// <summary>The reports the user may list: every one for the task force, signed ones for the recipients.</summary>
    public static IQueryable<SpecialReport> Visible(ICasesDbContext db, ICurrentUser user) =>
        SeesDrafts(user) ? db.SpecialReports : db.SpecialReports.Where(r => r.Status == SpecialReportStatus.Issued);

    /// <summary>The report with its sections and recipients, checked against the reader.</summary>
    /// <exception cref="NotFoundException">No such report.</exception>
    /// <exception cref="ForbiddenException">The user reads no reports, or the report is not signed yet and the user is a recipient.</exception>
    public static async Task<SpecialReport> LoadReadableAsync(ICasesDbContext db, ICurrentUser user, string id, CancellationToken ct)
    {
        EnsureMayRead(user);
        var report = await LoadAsync(db, id, ct);
        if (!SeesDrafts(user) && report.Status != SpecialReportStatus.Issued)
            throw new ForbiddenException(UseCaseStrings.Format("Report_NotSignedYet", report.NumberText));
        return report;
    }

    /// <exception cref="NotFoundException">No such report.</exception>
    public static async Task<SpecialReport> LoadAsync(ICasesDbContext db, string id, CancellationToken ct) =>
        await db.SpecialReports.Include(r => r.Sections).Include(r => r.Recipients)
            .FirstOrDefaultAsync(r => r.Id == id, ct)
        ?? throw new NotFoundException(UseCaseStrings.Format("Report_NotFound", id));

    /// <summary>Only the drafter changes or submits a draft, and only while it is a draft or was returned.</summary>
    /// <exception cref="ForbiddenException">Someone else's draft.</exception>
    /// <exception cref="ConflictException">The report is submitted or signed.</exception>
    public static void EnsureDrafterMayChange(ICurrentUser user, SpecialReport report, StaffNames names)
    {
        EnsureMayDraft(user);
        if (!string.Equals(report.DraftedByUserId, user.UserId, StringComparison.Ordinal))
            throw new ForbiddenException(UseCaseStrings.Format("Report_NotYourDraft", report.NumberText, names.Of(report.DraftedByUserId)));
        EnsureEditable(report);
    }

    /// <exception cref="ConflictException">The report is submitted or signed.</exception>
    public static void EnsureEditable(SpecialReport report)
    {
        switch (report.Status)
        {
            case SpecialReportStatus.Issued:
                throw new ConflictException(UseCaseStrings.Format("Report_AlreadySigned", report.NumberText, report.SignedAtUtc is { } at ? Workflow.CaseTexts.LocalTime(at) : ""));
            case SpecialReportStatus.Submitted:
                throw new ConflictException(UseCaseStrings.Format("Report_AwaitingSignOff", report.NumberText));
        }
    }
}
