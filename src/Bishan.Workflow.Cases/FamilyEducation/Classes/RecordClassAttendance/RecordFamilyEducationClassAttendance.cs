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

namespace Bishan.Workflow.Cases.FamilyEducation.Classes.RecordClassAttendance;

/// <summary>
/// After the class has started, the sub-centre records who came: per invited member (<c>memberId</c>) came or absent
/// (<c>came</c>) and an optional note. The class is then held. Each referral involved gets (or, on a correction, has updated) one
/// session of kind 家长课堂 for this class (<see cref="FamilyEducationSession.ClassId"/>), expected = its invited members, attended =
/// those who came, so the referral's sessions and attendance rate include the class once. Members left out keep what was recorded
/// (nothing yet: not counted as come). 400 at <c>attendance</c> (none, a member not invited, a note too long); 403/404 as for
/// reading the class; 409 before the class starts and for a cancelled class.
/// </summary>
public sealed record RecordFamilyEducationClassAttendance(string Id, IReadOnlyList<FamilyEducationClassAttendanceInput>? Attendance)
    : ICommand<FamilyEducationClassView>;

/// <summary>Whether one invited family member came, with an optional note (请假, 迟到).</summary>
public sealed record FamilyEducationClassAttendanceInput(long MemberId, bool Came, string? Note);

public sealed class RecordFamilyEducationClassAttendanceHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<RecordFamilyEducationClassAttendance, FamilyEducationClassView>
{
    public const int MaxNoteLength = 200;

    public async ValueTask<FamilyEducationClassView> Handle(RecordFamilyEducationClassAttendance command, CancellationToken cancellationToken)
    {
        var @class = await FamilyEducationClassAccess.LoadForChangeAsync(db, user, tree, command.Id, cancellationToken);
        if (@class.Status == FamilyEducationClassStatus.Cancelled)
            throw new ConflictException(UseCaseStrings.Format("FamilyEducationClass_AttendanceCancelled"));
        var now = time.GetUtcNow().UtcDateTime;
        if (now < @class.StartsAtUtc)
            throw new ConflictException(UseCaseStrings.Format("FamilyEducationClass_NotStarted", FamilyEducationClassAccess.When(@class)));

        var invitations = await db.FamilyEducationClassInvitations.Where(i => i.ClassId == @class.Id).ToListAsync(cancellationToken);
        var errors = new InputErrors();
        var entries = command.Attendance ?? [];
        if (entries.Count == 0) errors.Required("attendance");
        foreach (var entry in entries)
        {
            var invitation = invitations.FirstOrDefault(i => i.MemberId == entry.MemberId);
            if (invitation is null)
            {
                errors.Add("attendance", InputErrors.Message("FamilyEducationClass_NotInvited", "attendance", entry.MemberId.ToString(CultureInfo.InvariantCulture)));
                continue;
            }
            var note = errors.Text("attendance", entry.Note, MaxNoteLength);
            invitation.Attended = entry.Came;
            invitation.AttendanceNote = note;
        }
        errors.ThrowIfAny();

        var firstRecord = @class.Status == FamilyEducationClassStatus.Scheduled;
        @class.Status = FamilyEducationClassStatus.Held;
        @class.HeldRecordedAtUtc = now;
        var subCentre = tree.Find(@class.SubCentreId)?.Name ?? @class.SubCentreId;
        var referralIds = invitations.Select(i => i.ReferralId).Distinct(StringComparer.Ordinal).ToList();
        var sessions = await db.FamilyEducationSessions.Where(s => s.ClassId == @class.Id && referralIds.Contains(s.ReferralId)).ToListAsync(cancellationToken);
        foreach (var byReferral in invitations.GroupBy(i => i.ReferralId, StringComparer.Ordinal))
        {
            var came = byReferral.Where(i => i.Attended == true).Select(i => i.MemberId).ToList();
            var session = sessions.FirstOrDefault(s => s.ReferralId == byReferral.Key);
            if (session is null)
            {
                session = new FamilyEducationSession { ReferralId = byReferral.Key, ClassId = @class.Id, Kind = GuidanceKind.ParentClass };
                db.FamilyEducationSessions.Add(session);
            }
            session.SessionDate = @class.ClassDate;
            session.Content = Cap(CaseTexts.Format("FamilyEducationClassSession_Content", @class.Topic, @class.Place), 1000);
            session.AttendeeMemberIds = GuidanceKinds.StoreIds(came);
            session.InvitedCount = byReferral.Count();
            session.AttendedCount = came.Count;
            session.RecordedByUserId = user.UserId ?? "";
            session.RecordedAtUtc = now;
            var caseId = byReferral.First().CaseId;
            db.TimelineEntries.Add(new TimelineEntry
            {
                CaseId = caseId, AtUtc = now, Kind = TimelineKind.Note, ActorUserId = user.UserId,
                Text = CaseTexts.Format(firstRecord ? "FamilyEducationClassTimeline_Held" : "FamilyEducationClassTimeline_Corrected", subCentre,
                    @class.ClassDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), @class.Topic, session.AttendedCount, session.InvitedCount),
            });
            AuditLog.Add(db, user, time, AuditActions.FamilyEducationClassAttendance, nameof(Case), caseId,
                string.Create(CultureInfo.InvariantCulture, $"class {@class.Id}: {session.AttendedCount}/{session.InvitedCount}"));
        }
        await db.SaveChangesAsync(cancellationToken);
        return await FamilyEducationClassView.LoadAsync(db, tree, @class, true, now, cancellationToken);
    }

    private static string Cap(string text, int max) => text.Length <= max ? text : text[..max];
}
