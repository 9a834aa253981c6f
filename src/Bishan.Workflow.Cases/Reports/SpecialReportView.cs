using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Reports;

/// <summary>A special report as the API and the page show it, with the read receipts and what the caller may do with it.</summary>
public sealed record SpecialReportView(
    string Id, string NumberText, int Year, int Number, string Title, string Period, SpecialReportStatus Status, string? MeetingId,
    string DraftedByUserId, string DraftedBy, DateTime CreatedAtUtc, DateTime UpdatedAtUtc, DateTime? SubmittedAtUtc,
    string? SignedBy, DateTime? SignedAtUtc, string? SignOffComment, string? ReturnedBy, DateTime? ReturnedAtUtc, string? ReturnReason,
    IReadOnlyList<SpecialReportSectionView> Sections, IReadOnlyList<SpecialReportReceiptView> Recipients,
    string? SignOffTaskId, bool CanEdit, bool CanSignOff)
{
    public static async Task<SpecialReportView> OfAsync(ICasesDbContext db, ICurrentUser user, SpecialReport r, CancellationToken ct)
    {
        var names = await StaffNames.LoadAsync(db,
            [r.DraftedByUserId, r.SignedByUserId, r.ReturnedByUserId, .. r.Recipients.Select(x => x.UserId)], ct);
        string? signOffTaskId = null;
        var canSignOff = false;
        if (r.Status == SpecialReportStatus.Submitted && r.InstanceId is { } instance)
        {
            var task = await db.WorkTasks.AsNoTracking()
                .Where(t => t.InstanceId == instance && t.Status == WorkTaskStatus.Open && t.Kind == WorkTaskKinds.Approval(ApprovalSubject.SpecialReport))
                .FirstOrDefaultAsync(ct);
            signOffTaskId = task?.Id;
            canSignOff = task is not null && TaskAccess.Holds(user, task);
        }
        var canEdit = r.Status is SpecialReportStatus.Draft or SpecialReportStatus.Returned
                      && string.Equals(r.DraftedByUserId, user.UserId, StringComparison.Ordinal) && ReportAccess.SeesDrafts(user);
        return new SpecialReportView(r.Id, r.NumberText, r.Year, r.Number, r.Title, r.Period, r.Status, r.MeetingId,
            r.DraftedByUserId, names.Of(r.DraftedByUserId), r.CreatedAtUtc, r.UpdatedAtUtc, r.SubmittedAtUtc,
            r.SignedByUserId is null ? null : names.Of(r.SignedByUserId), r.SignedAtUtc, r.SignOffComment,
            r.ReturnedByUserId is null ? null : names.Of(r.ReturnedByUserId), r.ReturnedAtUtc, r.ReturnReason,
            [.. r.Sections.OrderBy(s => s.Position).Select(s => new SpecialReportSectionView(s.Key, s.Heading, s.Body))],
            [.. r.Recipients.OrderBy(x => x.Role, StringComparer.Ordinal).ThenBy(x => names.Of(x.UserId), StringComparer.Ordinal)
                .Select(x => new SpecialReportReceiptView(x.UserId, names.Of(x.UserId), x.Role, x.SentAtUtc, x.ReadAtUtc))],
            signOffTaskId, canEdit, canSignOff);
    }
}

public sealed record SpecialReportSectionView(string Key, string Heading, string Body);

public sealed record SpecialReportReceiptView(string UserId, string Name, string Role, DateTime SentAtUtc, DateTime? ReadAtUtc);
