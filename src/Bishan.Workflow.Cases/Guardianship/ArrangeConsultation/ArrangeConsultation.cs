using System.Globalization;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Time;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Guardianship.ArrangeConsultation;

/// <summary>
/// 区民政局 arranges a proposed consultation: the day and place, and the register's jobs matched for the parent (each must
/// still have a place). May be sent again to re-arrange until the consultation is recorded (409 after).
/// </summary>
public sealed record ArrangeConsultation(long ConsultationId, string? PlannedOn, string? Place, IReadOnlyList<long>? JobIds)
    : ICommand<ConsultationView>;

public sealed class ArrangeConsultationHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<ArrangeConsultation, ConsultationView>
{
    public const int MaxPlaceLength = 200;
    public const int MaxJobs = 20;

    public async ValueTask<ConsultationView> Handle(ArrangeConsultation command, CancellationToken cancellationToken)
    {
        GuardianshipAccess.EnsureMayKeep(user);
        var consultation = await Consultations.LoadAsync(db, command.ConsultationId, cancellationToken);
        var today = DistrictCalendar.Today(time);
        var proposedOn = ConsultationChecks.DayOf(consultation.ProposedAtUtc);
        var errors = new InputErrors();
        var plannedOn = ConsultationChecks.Day(errors, "plannedOn", command.PlannedOn, proposedOn, today.AddMonths(ConsultationChecks.MaxMonthsAhead), required: true);
        var place = errors.Text("place", command.Place, MaxPlaceLength);
        var jobIds = (command.JobIds ?? []).Distinct().ToList();
        if (jobIds.Count > MaxJobs) errors.Add("jobIds", UseCaseStrings.Format("Guardianship_TooManyJobs", MaxJobs));
        foreach (var jobId in jobIds.Take(MaxJobs))
            await ConsultationChecks.JobAsync(db, errors, "jobIds", jobId, null, cancellationToken);
        errors.ThrowIfAny();
        if (consultation.Status is not (GuardianshipConsultationStatus.Proposed or GuardianshipConsultationStatus.Arranged))
            throw new ConflictException(UseCaseStrings.Format("Guardianship_AlreadyRecorded"));

        var now = time.GetUtcNow().UtcDateTime;
        consultation.PlannedOn = plannedOn;
        consultation.Place = place;
        consultation.Status = GuardianshipConsultationStatus.Arranged;
        consultation.ArrangedByUserId = user.UserId;
        consultation.ArrangedAtUtc = now;
        db.GuardianshipJobMatches.RemoveRange(await db.GuardianshipJobMatches.Where(m => m.ConsultationId == consultation.Id).ToListAsync(cancellationToken));
        foreach (var jobId in jobIds) db.GuardianshipJobMatches.Add(new GuardianshipJobMatch { ConsultationId = consultation.Id, JobId = jobId });
        Consultations.Timeline(db, consultation.CaseId, user.UserId, now,
            UseCaseStrings.Record("GuardianshipTimeline_Arranged", ConsultationChecks.Text(plannedOn!.Value), place ?? "—", jobIds.Count));
        AuditLog.Add(db, user, time, AuditActions.GuardianshipConsultationChange, nameof(Case), consultation.CaseId,
            $"arranged {consultation.Id.ToString(CultureInfo.InvariantCulture)} on {ConsultationChecks.Text(plannedOn.Value)}, jobs {string.Join(",", jobIds)}");
        await db.SaveChangesAsync(cancellationToken);
        return await ConsultationView.LoadAsync(db, user, tree, time, consultation.Id, audit: false, cancellationToken);
    }
}
