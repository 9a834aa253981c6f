using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Guardianship;

/// <summary>The parent the consultation is about, as the consultation page shows them (no phone).</summary>
public sealed record ConsultationParent(long Id, string Name, FamilyRelationship Relationship, FamilyResidence Residence, string? City,
    string? Employer, bool LivesWithMinor);

/// <summary>A job of the register named on a consultation (matched, or taken).</summary>
public sealed record ConsultationJob(long JobId, string Title, long EmployerId, string EmployerName, bool HasPlace);

/// <summary>
/// One consultation as its page shows it, with what the reader may do now: arrange and record (区民政局, administrators,
/// before the outcome), the three-month review (once its task exists).
/// </summary>
public sealed record ConsultationView(long Id, string CaseId, string FileNumber, string MinorName, GuardianshipConsultationStatus Status, string Reason,
    DateTime ProposedAtUtc, ConsultationParent? Parent, DateOnly? PlannedOn, string? Place, IReadOnlyList<ConsultationJob> MatchedJobs,
    DateOnly? HeldOn, bool ParentTookPart, bool EmployerTookPart, bool SchoolTookPart, bool CommunityTookPart, GuardianshipOutcome? Outcome,
    ConsultationJob? Job, string? EntrustedGuardian, string? OutcomeNote, DateTime? RecordedAtUtc, DateTime? FollowUpDueUtc,
    bool? FollowUpParentAtHome, bool? FollowUpCaring, string? FollowUpNote, DateTime? FollowUpAtUtc, string? OpenTaskId,
    bool MayArrange, bool MayRecord, bool MayFollowUp)
{
    /// <summary>Loads the consultation for <paramref name="user"/> (404, 403 outside scope); a page read is audited on the case.</summary>
    public static async Task<ConsultationView> LoadAsync(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time, long id, bool audit,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var c = await db.GuardianshipConsultations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new Common.NotFoundException(Localization.UseCaseStrings.Format("Guardianship_ConsultationNotFound", id));
        var @case = await Consultations.LoadCaseAsync(db, user, tree, c.CaseId, ct);
        var parent = await db.FamilyMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == c.ParentMemberId, ct);
        var matchedIds = await db.GuardianshipJobMatches.AsNoTracking().Where(m => m.ConsultationId == c.Id).Select(m => m.JobId).ToListAsync(ct);
        var jobIds = c.JobId is { } taken ? [.. matchedIds, taken] : matchedIds;
        var jobs = await (from j in db.EmployerJobs.AsNoTracking()
                          join e in db.Employers.AsNoTracking() on j.EmployerId equals e.Id
                          where jobIds.Contains(j.Id)
                          select new { Job = j, EmployerName = e.Name }).ToListAsync(ct);
        ConsultationJob? Job(long jobId) => jobs.FirstOrDefault(j => j.Job.Id == jobId) is { } found
            ? new ConsultationJob(found.Job.Id, found.Job.Title, found.Job.EmployerId, found.EmployerName, found.Job.HasPlace)
            : null;
        var openTask = c.Status is GuardianshipConsultationStatus.Closed ? null : await Consultations.OpenTaskAsync(db, c, ct);
        var keeper = GuardianshipAccess.MayKeep(user);
        var beforeOutcome = c.Status is GuardianshipConsultationStatus.Proposed or GuardianshipConsultationStatus.Arranged;
        var followUpOpen = c.Status == GuardianshipConsultationStatus.AwaitingFollowUp && openTask is not null;
        if (audit)
        {
            AuditLog.Add(db, user, time, AuditActions.GuardianshipConsultationRead, nameof(Case), c.CaseId, $"consultation {c.Id}");
            await db.SaveChangesAsync(ct);
        }
        return new ConsultationView(c.Id, c.CaseId, @case.FileNumber, @case.Name, c.Status, c.Reason, c.ProposedAtUtc,
            parent is null ? null : new ConsultationParent(parent.Id, parent.Name, parent.Relationship, parent.Residence, parent.City, parent.Employer,
                parent.LivesWithMinor),
            c.PlannedOn, c.Place, matchedIds.Select(Job).OfType<ConsultationJob>().ToList(),
            c.HeldOn, c.ParentTookPart, c.EmployerTookPart, c.SchoolTookPart, c.CommunityTookPart, c.Outcome,
            c.JobId is { } jobId ? Job(jobId) : null, c.EntrustedGuardian, c.OutcomeNote, c.RecordedAtUtc,
            c.RecordedAtUtc is { } recorded && c.Outcome != GuardianshipOutcome.NotPossibleNow ? recorded + Consultations.FollowUpAfter : null,
            c.FollowUpParentAtHome, c.FollowUpCaring, c.FollowUpNote, c.FollowUpAtUtc, openTask?.Id,
            keeper && beforeOutcome, keeper && beforeOutcome && openTask is not null,
            followUpOpen && (keeper || GuardianshipAccess.IsCaseworkerFor(user, @case)));
    }
}
