using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Workflow;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Meetings.AddAgendaCase;

/// <summary>
/// Puts a case (file number, in the caller's scope) on the agenda of a meeting not yet held, with the reason
/// <see cref="AgendaReason.Requested"/>. By <see cref="Permissions.MayRunMeetings"/>; 409 when the meeting was held or the
/// case is already on it for that reason.
/// </summary>
public sealed record AddAgendaCase(string MeetingId, string? FileNumber) : ICommand<AgendaCaseAdded>;

public sealed record AgendaCaseAdded(string MeetingId, string CaseId, string FileNumber);

public sealed class AddAgendaCaseHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time) : ICommandHandler<AddAgendaCase, AgendaCaseAdded>
{
    public async ValueTask<AgendaCaseAdded> Handle(AddAgendaCase command, CancellationToken cancellationToken)
    {
        Permissions.EnsureMayRunMeetings(user);
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == command.MeetingId, cancellationToken)
                      ?? throw new NotFoundException(UseCaseStrings.Format("Meeting_NotFound", command.MeetingId));
        var errors = new InputErrors();
        Case? @case = null;
        if (string.IsNullOrWhiteSpace(command.FileNumber)) errors.Required("fileNumber");
        else @case = await MeetingCases.FindAsync(db, command.FileNumber, "fileNumber", errors, CaseScope.For(user, tree), cancellationToken);
        errors.ThrowIfAny();
        if (meeting.Status != MeetingStatus.Scheduled)
            throw new ConflictException(UseCaseStrings.Format("Meeting_AlreadyHeld", meeting.Topic));
        if (await db.MeetingAgendaItems.AnyAsync(a => a.MeetingId == meeting.Id && a.CaseId == @case!.Id && a.Reason == AgendaReason.Requested, cancellationToken))
            throw new ConflictException(UseCaseStrings.Format("Meeting_CaseAlreadyOnAgenda", @case!.FileNumber));

        var now = time.GetUtcNow().UtcDateTime;
        db.MeetingAgendaItems.Add(new MeetingAgendaItem
        {
            MeetingId = meeting.Id, CaseId = @case!.Id, Reason = AgendaReason.Requested, Note = MeetingEffects.AgendaNote(@case.PrimaryAction, @case.Tier),
        });
        db.TimelineEntries.Add(new TimelineEntry
        {
            CaseId = @case.Id, AtUtc = now, Kind = TimelineKind.Meeting, ActorUserId = user.UserId,
            Text = UseCaseStrings.Record("Meeting_Timeline_OnSpecialAgenda", meeting.Topic, CaseTexts.LocalTime(meeting.ScheduledAtUtc)),
        });
        AuditLog.Add(db, user, time, AuditActions.MeetingAgendaAdd, nameof(Meeting), meeting.Id, @case.FileNumber);
        await db.SaveChangesAsync(cancellationToken);
        return new AgendaCaseAdded(meeting.Id, @case.Id, @case.FileNumber);
    }
}
