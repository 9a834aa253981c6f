using System.Globalization;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Cases.Workflow;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.FamilyEducation.Classes.InviteToClass;

/// <summary>
/// The sub-centre invites the parents of chosen cases to a scheduled class: per case (<c>caseId</c>) the family members to invite
/// (<c>memberIds</c>; none picked: the legal guardians, else every member). Only cases with an open, accepted referral to the
/// class's sub-centre; the invitation belongs to that referral and shows on its page. A member already invited is left as is.
/// 400 at <c>invitees</c> (none, an unknown case, a case without such a referral, capacity exceeded) and <c>memberIds</c> (not in
/// that family); 403/404 as for reading the class; 409 when it was held or cancelled.
/// </summary>
public sealed record InviteToFamilyEducationClass(string Id, IReadOnlyList<FamilyEducationClassInviteeInput>? Invitees) : ICommand<FamilyEducationClassView>;

/// <summary>One case to invite and which of its family members.</summary>
public sealed record FamilyEducationClassInviteeInput(string? CaseId, IReadOnlyList<long>? MemberIds);

public sealed class InviteToFamilyEducationClassHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<InviteToFamilyEducationClass, FamilyEducationClassView>
{
    public async ValueTask<FamilyEducationClassView> Handle(InviteToFamilyEducationClass command, CancellationToken cancellationToken)
    {
        var @class = await FamilyEducationClassAccess.LoadForChangeAsync(db, user, tree, command.Id, cancellationToken);
        FamilyEducationClassAccess.EnsureScheduled(@class);

        var errors = new InputErrors();
        var wanted = (command.Invitees ?? []).Where(i => !string.IsNullOrWhiteSpace(i?.CaseId)).ToList();
        if (wanted.Count == 0) errors.Required("invitees");
        var caseIds = wanted.Select(i => i.CaseId!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var referrals = await db.FamilyEducationReferrals.AsNoTracking()
            .Where(r => caseIds.Contains(r.CaseId) && r.SubCentreId == @class.SubCentreId
                        && (r.Status == FamilyEducationStatus.Accepted || r.Status == FamilyEducationStatus.EvaluationDue))
            .ToListAsync(cancellationToken);
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.FileNumber, c.Name })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var members = (await db.FamilyMembers.AsNoTracking().Where(m => caseIds.Contains(m.CaseId) && m.Active).ToListAsync(cancellationToken))
            .ToLookup(m => m.CaseId, StringComparer.Ordinal);
        var already = (await db.FamilyEducationClassInvitations.AsNoTracking().Where(i => i.ClassId == @class.Id).Select(i => i.MemberId)
            .ToListAsync(cancellationToken)).ToHashSet();

        var subCentreName = FamilyEducationReferralView.UnitName(tree, @class.SubCentreId);
        var picked = new List<(FamilyEducationReferral Referral, FamilyMember Member)>();
        foreach (var invitee in wanted)
        {
            var caseId = invitee.CaseId!.Trim();
            if (!cases.TryGetValue(caseId, out var @case))
            {
                errors.Add("invitees", InputErrors.Message("FamilyEducationClass_UnknownCase", "invitees", caseId));
                continue;
            }
            var referral = referrals.FirstOrDefault(r => r.CaseId == caseId);
            if (referral is null)
            {
                errors.Add("invitees", InputErrors.Message("FamilyEducationClass_NotReferred", "invitees", @case.FileNumber, @case.Name, subCentreName));
                continue;
            }
            var family = members[caseId].ToList();
            var chosen = new List<FamilyMember>();
            foreach (var id in (invitee.MemberIds ?? []).Distinct())
            {
                if (family.FirstOrDefault(m => m.Id == id) is { } member) chosen.Add(member);
                else errors.Add("memberIds", InputErrors.Message("FamilyEducationClass_NotInFamily", "memberIds", id.ToString(CultureInfo.InvariantCulture),
                    @case.FileNumber, @case.Name));
            }
            if (invitee.MemberIds is not { Count: > 0 })
                chosen = family.Any(m => m.IsLegalGuardian) ? [.. family.Where(m => m.IsLegalGuardian)] : family;
            picked.AddRange(chosen.Where(m => !already.Contains(m.Id) && picked.All(p => p.Member.Id != m.Id)).Select(m => (referral, m)));
        }
        if (!errors.Any && @class.Capacity is { } capacity && already.Count + picked.Count > capacity)
            errors.Add("invitees", InputErrors.Message("FamilyEducationClass_CapacityExceeded", "invitees", capacity, already.Count, picked.Count));
        errors.ThrowIfAny();

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (referral, member) in picked)
            db.FamilyEducationClassInvitations.Add(new FamilyEducationClassInvitation
            {
                ClassId = @class.Id, ReferralId = referral.Id, CaseId = referral.CaseId, MemberId = member.Id, InvitedByUserId = user.UserId ?? "",
                InvitedAtUtc = now,
            });
        foreach (var byCase in picked.GroupBy(p => p.Referral.CaseId, StringComparer.Ordinal))
        {
            var names = string.Join("、", byCase.Select(p => $"{p.Member.Name}（{CaseTexts.Label(p.Member.Relationship)}）"));
            db.TimelineEntries.Add(new TimelineEntry
            {
                CaseId = byCase.Key, AtUtc = now, Kind = TimelineKind.Note, ActorUserId = user.UserId,
                Text = CaseTexts.Format("FamilyEducationClassTimeline_Invited", tree.Find(@class.SubCentreId)?.Name ?? @class.SubCentreId, names,
                    FamilyEducationClassAccess.When(@class), @class.Place, @class.Topic),
            });
            AuditLog.Add(db, user, time, AuditActions.FamilyEducationClassInvite, nameof(Case), byCase.Key,
                $"class {@class.Id}: members {GuidanceKinds.StoreIds(byCase.Select(p => p.Member.Id))}");
        }
        await db.SaveChangesAsync(cancellationToken);
        return await FamilyEducationClassView.LoadAsync(db, tree, @class, true, now, cancellationToken);
    }
}
