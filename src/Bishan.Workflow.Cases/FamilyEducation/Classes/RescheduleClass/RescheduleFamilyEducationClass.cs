using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.FamilyEducation.Classes.ScheduleClass;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Workflow;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.FamilyEducation.Classes.RescheduleClass;

/// <summary>
/// The sub-centre moves a scheduled class to another date, time or place (<c>place</c> left out: unchanged). Each invited family's
/// caseworker is told (notification and timeline). The day-before reminder follows the class: it is keyed by the class date, so a class
/// moved to another day is reminded of the day before its new date. 400 at <c>classDate</c>, <c>startTime</c>, <c>place</c>; 403/404 as
/// for reading it; 409 when it was held or cancelled.
/// </summary>
public sealed record RescheduleFamilyEducationClass(string Id, string? ClassDate, string? StartTime, string? Place) : ICommand<FamilyEducationClassView>;

public sealed class RescheduleFamilyEducationClassHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<RescheduleFamilyEducationClass, FamilyEducationClassView>
{
    public async ValueTask<FamilyEducationClassView> Handle(RescheduleFamilyEducationClass command, CancellationToken cancellationToken)
    {
        var @class = await FamilyEducationClassAccess.LoadForChangeAsync(db, user, tree, command.Id, cancellationToken);
        FamilyEducationClassAccess.EnsureScheduled(@class);
        var errors = new InputErrors();
        var date = ScheduleFamilyEducationClassHandler.ParseDate(errors, command.ClassDate, DistrictCalendar.Today(time));
        var start = ScheduleFamilyEducationClassHandler.ParseTime(errors, command.StartTime);
        var place = errors.Text("place", command.Place, ScheduleFamilyEducationClassHandler.MaxPlaceLength);
        errors.ThrowIfAny();

        var now = time.GetUtcNow().UtcDateTime;
        var before = FamilyEducationClassAccess.When(@class);
        @class.ClassDate = date!.Value;
        @class.StartTime = start!.Value;
        @class.StartsAtUtc = FamilyEducationClassAccess.StartsAtUtc(date.Value, start.Value);
        if (place is not null) @class.Place = place;
        var caseIds = await db.FamilyEducationClassInvitations.AsNoTracking().Where(i => i.ClassId == @class.Id).Select(i => i.CaseId).Distinct()
            .ToListAsync(cancellationToken);
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var subCentre = tree.Find(@class.SubCentreId)?.Name ?? @class.SubCentreId;
        foreach (var @case in cases)
        {
            var text = CaseTexts.Format("FamilyEducationClassTimeline_Moved", subCentre, @class.Topic, before, FamilyEducationClassAccess.When(@class), @class.Place);
            db.TimelineEntries.Add(new TimelineEntry { CaseId = @case.Id, AtUtc = now, Kind = TimelineKind.Note, ActorUserId = user.UserId, Text = text });
            if (@case.CaseworkerUserId is { } caseworker)
                db.Notifications.Add(new Notification
                {
                    UserId = caseworker, CaseId = @case.Id, CreatedAtUtc = now, Message = text,
                    Title = CaseTexts.Format("FamilyEducationClassNotification_MovedTitle", @case.FileNumber),
                });
        }
        AuditLog.Add(db, user, time, AuditActions.FamilyEducationClassReschedule, nameof(FamilyEducationClass), @class.Id,
            $"{before} → {FamilyEducationClassAccess.When(@class)} {@class.Place}");
        await db.SaveChangesAsync(cancellationToken);
        return await FamilyEducationClassView.LoadAsync(db, tree, @class, true, now, cancellationToken);
    }
}
