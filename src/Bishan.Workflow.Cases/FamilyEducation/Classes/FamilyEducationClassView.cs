using System.Globalization;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Cases.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.FamilyEducation.Classes;

/// <summary>
/// A parent class as its sub-centre runs it: what, when, where, the invited family members with who came, and (while it is
/// scheduled and the reader runs it) the families that may still be invited: the open, accepted referrals to its sub-centre.
/// Names only: no ID number, no phone.
/// </summary>
public sealed record FamilyEducationClassView(
    string Id,
    string SubCentreId,
    string SubCentreName,
    string Topic,
    DateOnly ClassDate,
    string StartTime,
    string Place,
    int? Capacity,
    FamilyEducationClassStatus Status,
    string StatusLabel,
    string? CancelReason,
    string? CreatedBy,
    bool Started,
    bool MayAct,
    int InvitedCount,
    int AttendedCount,
    IReadOnlyList<FamilyEducationClassInvitee> Invitations,
    IReadOnlyList<FamilyEducationClassCandidate> Candidates)
{
    public static async Task<FamilyEducationClassView> LoadAsync(ICasesDbContext db, OrgTree tree, FamilyEducationClass c, bool mayAct, DateTime nowUtc,
        CancellationToken ct)
    {
        var invitations = await db.FamilyEducationClassInvitations.AsNoTracking().Where(i => i.ClassId == c.Id).ToListAsync(ct);
        var caseIds = invitations.Select(i => i.CaseId).Distinct().ToList();
        var memberIds = invitations.Select(i => i.MemberId).ToList();
        var cases = await db.Cases.AsNoTracking().Where(x => caseIds.Contains(x.Id)).Select(x => new { x.Id, x.FileNumber, x.Name })
            .ToDictionaryAsync(x => x.Id, ct);
        var members = await db.FamilyMembers.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var invitees = invitations
            .Select(i => new FamilyEducationClassInvitee(i.Id, i.ReferralId, i.CaseId, cases.TryGetValue(i.CaseId, out var k) ? k.FileNumber : i.CaseId,
                cases.TryGetValue(i.CaseId, out var n) ? n.Name : "", i.MemberId, members.TryGetValue(i.MemberId, out var m) ? m.Name : "",
                members.TryGetValue(i.MemberId, out var r) ? DomainLabels.For(r.Relationship) : "", i.Attended, i.AttendanceNote))
            .OrderBy(i => i.FileNumber, StringComparer.Ordinal).ThenBy(i => i.MemberId).ToList();
        var candidates = mayAct && c.Status == FamilyEducationClassStatus.Scheduled
            ? await CandidatesAsync(db, tree, c, invitations.Select(i => i.MemberId).ToHashSet(), ct) : [];
        var staff = await StaffDirectory.LoadAsync(db, ct);
        return new FamilyEducationClassView(c.Id, c.SubCentreId, FamilyEducationReferralView.UnitName(tree, c.SubCentreId), c.Topic, c.ClassDate,
            c.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture), c.Place, c.Capacity, c.Status, DomainLabels.For(c.Status), c.CancelReason,
            staff.NameOf(c.CreatedByUserId), nowUtc >= c.StartsAtUtc, mayAct, invitees.Count, invitees.Count(i => i.Attended == true), invitees, candidates);
    }

    /// <summary>The families with an open, accepted referral to the class's sub-centre, with their members not yet invited.</summary>
    private static async Task<IReadOnlyList<FamilyEducationClassCandidate>> CandidatesAsync(ICasesDbContext db, OrgTree tree, FamilyEducationClass c,
        HashSet<long> invited, CancellationToken ct)
    {
        var rows = await (from r in db.FamilyEducationReferrals.AsNoTracking()
                          join k in db.Cases.AsNoTracking() on r.CaseId equals k.Id
                          where r.SubCentreId == c.SubCentreId
                                && (r.Status == FamilyEducationStatus.Accepted || r.Status == FamilyEducationStatus.EvaluationDue)
                          select new { r.Id, r.CaseId, k.FileNumber, k.Name, k.OrgUnitId }).ToListAsync(ct);
        var caseIds = rows.Select(r => r.CaseId).ToList();
        var members = (await db.FamilyMembers.AsNoTracking().Where(m => caseIds.Contains(m.CaseId) && m.Active).ToListAsync(ct))
            .ToLookup(m => m.CaseId, StringComparer.Ordinal);
        return [.. rows.OrderBy(r => r.FileNumber, StringComparer.Ordinal).Select(r => new FamilyEducationClassCandidate(r.Id, r.CaseId, r.FileNumber, r.Name,
            FamilyEducationReferralView.UnitName(tree, r.OrgUnitId),
            [.. members[r.CaseId].OrderBy(m => m.Relationship).ThenBy(m => m.Id)
                .Select(m => new FamilyEducationClassCandidateMember(m.Id, m.Name, DomainLabels.For(m.Relationship), m.IsLegalGuardian, invited.Contains(m.Id)))]))];
    }
}

/// <summary>An invited family member and, once recorded, whether they came.</summary>
public sealed record FamilyEducationClassInvitee(long Id, string ReferralId, string CaseId, string FileNumber, string MinorName, long MemberId,
    string MemberName, string Relationship, bool? Attended, string? Note);

/// <summary>A family that may be invited: its referral, the minor, the school, and its members.</summary>
public sealed record FamilyEducationClassCandidate(string ReferralId, string CaseId, string FileNumber, string MinorName, string SchoolName,
    IReadOnlyList<FamilyEducationClassCandidateMember> Members);

public sealed record FamilyEducationClassCandidateMember(long Id, string Name, string Relationship, bool IsLegalGuardian, bool Invited);
