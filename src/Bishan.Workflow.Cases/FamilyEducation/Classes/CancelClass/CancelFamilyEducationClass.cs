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

namespace Bishan.Workflow.Cases.FamilyEducation.Classes.CancelClass;

/// <summary>
/// The sub-centre cancels a scheduled parent class with the reason: no reminder goes out for it, and each invited family's
/// caseworker is told (notification and a line on the case's timeline). 400 without a reason; 403/404 as for reading it;
/// 409 when the class was held or is already cancelled.
/// </summary>
public sealed record CancelFamilyEducationClass(string Id, string? Reason) : ICommand<FamilyEducationClassView>;

public sealed class CancelFamilyEducationClassHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<CancelFamilyEducationClass, FamilyEducationClassView>
{
    public const int MaxReasonLength = 500;

    public async ValueTask<FamilyEducationClassView> Handle(CancelFamilyEducationClass command, CancellationToken cancellationToken)
    {
        var @class = await FamilyEducationClassAccess.LoadForChangeAsync(db, user, tree, command.Id, cancellationToken);
        if (@class.Status == FamilyEducationClassStatus.Held)
            throw new ConflictException(UseCaseStrings.Format("FamilyEducationClass_CancelHeld"));
        if (@class.Status == FamilyEducationClassStatus.Cancelled)
            throw new ConflictException(UseCaseStrings.Format("FamilyEducationClass_AlreadyCancelled"));
        var errors = new InputErrors();
        var reason = errors.Text("reason", command.Reason, MaxReasonLength, required: true);
        errors.ThrowIfAny();

        var now = time.GetUtcNow().UtcDateTime;
        @class.Status = FamilyEducationClassStatus.Cancelled;
        @class.CancelReason = reason;
        @class.CancelledAtUtc = now;
        var invited = await db.FamilyEducationClassInvitations.AsNoTracking().Where(i => i.ClassId == @class.Id)
            .Select(i => new { i.CaseId, i.ReferralId }).Distinct().ToListAsync(cancellationToken);
        var caseIds = invited.Select(i => i.CaseId).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var subCentre = tree.Find(@class.SubCentreId)?.Name ?? @class.SubCentreId;
        foreach (var @case in cases)
        {
            var text = CaseTexts.Format("FamilyEducationClassTimeline_Cancelled", subCentre, FamilyEducationClassAccess.When(@class), @class.Topic, reason);
            db.TimelineEntries.Add(new TimelineEntry { CaseId = @case.Id, AtUtc = now, Kind = TimelineKind.Note, ActorUserId = user.UserId, Text = text });
            if (@case.CaseworkerUserId is { } caseworker)
                db.Notifications.Add(new Notification
                {
                    UserId = caseworker, CaseId = @case.Id, CreatedAtUtc = now, Message = text,
                    Title = CaseTexts.Format("FamilyEducationClassNotification_CancelledTitle", @case.FileNumber),
                });
        }
        AuditLog.Add(db, user, time, AuditActions.FamilyEducationClassCancel, nameof(FamilyEducationClass), @class.Id, reason);
        await db.SaveChangesAsync(cancellationToken);
        return await FamilyEducationClassView.LoadAsync(db, tree, @class, true, now, cancellationToken);
    }
}
