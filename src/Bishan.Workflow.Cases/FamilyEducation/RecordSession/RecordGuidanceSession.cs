using System.Globalization;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Cases.Workflow;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.FamilyEducation.RecordSession;

/// <summary>
/// The sub-centre records a guidance session: kind, date (<c>yyyy-MM-dd</c>, not before the referral, not after today), what was
/// done, and who of the family came (<c>attendeeMemberIds</c>) out of who was expected (<c>invitedMemberIds</c>; default the legal
/// guardians, else every member; attendees always count as expected). A timeline line says how many came. 400 at each field
/// (a member who is not in this family is named); 403 unless the sub-centre; 409 for a declined, not yet accepted or evaluated referral.
/// </summary>
public sealed record RecordGuidanceSession(string Id, string? Kind, string? SessionDate, string? Content, IReadOnlyList<long>? AttendeeMemberIds,
    IReadOnlyList<long>? InvitedMemberIds) : ICommand<FamilyEducationReferralView>;

public sealed class RecordGuidanceSessionHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<RecordGuidanceSession, FamilyEducationReferralView>
{
    public const int MaxContentLength = 1000;

    public async ValueTask<FamilyEducationReferralView> Handle(RecordGuidanceSession command, CancellationToken cancellationToken)
    {
        var referral = await FamilyEducationAccess.LoadForActionAsync(db, user, tree, command.Id, cancellationToken);
        if (referral.Status == FamilyEducationStatus.Declined)
            throw new ConflictException(UseCaseStrings.Format("FamilyEducation_SessionOnDeclined"));
        FamilyEducationAccess.EnsureInGuidance(referral);

        var errors = new InputErrors();
        var kind = errors.Enum<GuidanceKind>("kind", command.Kind, required: true);
        var content = errors.Text("content", command.Content, MaxContentLength, required: true);
        DateOnly? date = null;
        var today = DistrictCalendar.Today(time);
        if (string.IsNullOrWhiteSpace(command.SessionDate)) errors.Required("sessionDate");
        else if (!DateOnly.TryParseExact(command.SessionDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            errors.Add("sessionDate", InputErrors.Message("FamilyEducation_DateInvalid", "sessionDate"));
        else if (d < referral.ReferredOn)
            errors.Add("sessionDate", InputErrors.Message("FamilyEducation_SessionBeforeReferral", "sessionDate",
                referral.ReferredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        else if (d > today) errors.Add("sessionDate", InputErrors.Message("FamilyEducation_SessionInFuture", "sessionDate"));
        else date = d;

        var members = await db.FamilyMembers.AsNoTracking().Where(m => m.CaseId == referral.CaseId && m.Active).ToListAsync(cancellationToken);
        var known = members.Select(m => m.Id).ToHashSet();
        var attendees = Check(errors, "attendeeMemberIds", command.AttendeeMemberIds, known);
        var invited = Check(errors, "invitedMemberIds", command.InvitedMemberIds, known);
        errors.ThrowIfAny();

        if (invited.Count == 0)
            invited = [.. members.Where(m => m.IsLegalGuardian).Select(m => m.Id)];
        if (invited.Count == 0) invited = [.. known];
        var expected = invited.Union(attendees).ToHashSet();
        var now = time.GetUtcNow().UtcDateTime;
        var session = new FamilyEducationSession
        {
            ReferralId = referral.Id, Kind = kind!.Value, SessionDate = date!.Value, Content = content!,
            AttendeeMemberIds = GuidanceKinds.StoreIds(attendees), InvitedCount = expected.Count, AttendedCount = attendees.Count,
            RecordedByUserId = user.UserId ?? "", RecordedAtUtc = now,
        };
        db.FamilyEducationSessions.Add(session);
        db.TimelineEntries.Add(new TimelineEntry
        {
            CaseId = referral.CaseId, AtUtc = now, Kind = TimelineKind.Note, ActorUserId = user.UserId,
            Text = CaseTexts.Format("FamilyEducationTimeline_Session", tree.Find(referral.SubCentreId)?.Name ?? referral.SubCentreId,
                session.SessionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DomainLabels.For(session.Kind, CaseTexts.Culture),
                session.AttendedCount, session.InvitedCount),
        });
        AuditLog.Add(db, user, time, AuditActions.FamilyEducationSession, nameof(Case), referral.CaseId,
            string.Create(CultureInfo.InvariantCulture, $"{referral.Id}: {session.Kind} {session.SessionDate:yyyy-MM-dd} {session.AttendedCount}/{session.InvitedCount}"));
        await db.SaveChangesAsync(cancellationToken);
        return await FamilyEducationReferralView.LoadAsync(db, tree, referral, true, cancellationToken);
    }

    /// <summary>The ids, each an active member of this family; an unknown one is a field error naming it.</summary>
    private static List<long> Check(InputErrors errors, string field, IReadOnlyList<long>? ids, HashSet<long> known)
    {
        var list = new List<long>();
        foreach (var id in (ids ?? []).Distinct())
        {
            if (known.Contains(id)) list.Add(id);
            else errors.Add(field, InputErrors.Message("FamilyEducation_NotInFamily", field, id.ToString(CultureInfo.InvariantCulture)));
        }
        return list;
    }
}
