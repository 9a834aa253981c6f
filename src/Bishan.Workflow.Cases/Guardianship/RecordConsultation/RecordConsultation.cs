using System.Globalization;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Family;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Engine.Runtime;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Guardianship.RecordConsultation;

/// <summary>
/// 区民政局 records the consultation: the day it was held, who took part (parent, employer, school, community) and the outcome.
/// It completes the workflow's arrangement task with the outcome, which starts the three-month review (none after "not
/// possible now"). A parent who returns is changed on the 家庭 tab (works in Bishan, lives with the minor), with history;
/// a job from the register is taken (one place fewer).
/// </summary>
public sealed record RecordConsultation(long ConsultationId, string? HeldOn, bool? ParentTookPart, bool? EmployerTookPart, bool? SchoolTookPart,
    bool? CommunityTookPart, string? Outcome, long? EmployerId, long? JobId, string? EntrustedGuardian, string? Note) : ICommand<ConsultationView>;

public sealed class RecordConsultationHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time, IWorkflowRuntime runtime,
    CaseWorkflows workflows) : ICommandHandler<RecordConsultation, ConsultationView>
{
    public const int MaxNoteLength = 2000;
    public const int MaxGuardianLength = 50;

    public async ValueTask<ConsultationView> Handle(RecordConsultation command, CancellationToken cancellationToken)
    {
        GuardianshipAccess.EnsureMayKeep(user);
        var consultation = await Consultations.LoadAsync(db, command.ConsultationId, cancellationToken);
        var today = DistrictCalendar.Today(time);
        var errors = new InputErrors();
        var heldOn = ConsultationChecks.Day(errors, "heldOn", command.HeldOn, ConsultationChecks.DayOf(consultation.ProposedAtUtc), today, required: true);
        var took = (Parent: command.ParentTookPart ?? false, Employer: command.EmployerTookPart ?? false,
            School: command.SchoolTookPart ?? false, Community: command.CommunityTookPart ?? false);
        if (!took.Parent && !took.Employer && !took.School && !took.Community)
            errors.Add("participants", InputErrors.Message("Field_Required", "participants"));
        var outcome = errors.Enum<GuardianshipOutcome>("outcome", command.Outcome, required: true);
        var note = errors.Text("outcomeNote", command.Note, MaxNoteLength, required: outcome == GuardianshipOutcome.NotPossibleNow);
        var guardian = errors.Text("entrustedGuardian", command.EntrustedGuardian, MaxGuardianLength,
            required: outcome == GuardianshipOutcome.EntrustedGuardian);
        Employer? employer = null;
        EmployerJob? job = null;
        if (outcome == GuardianshipOutcome.ReturnedWithJob)
        {
            if (command.EmployerId is not { } employerId) errors.Required("employerId");
            else if ((employer = await db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == employerId, cancellationToken)) is null)
                errors.Add("employerId", UseCaseStrings.Format("Guardianship_EmployerNotInRegister", employerId));
            if (command.JobId is not { } jobId) errors.Required("jobId");
            else if (employer is not null)
            {
                // The job's row is locked so two consultations cannot take its last place at once.
                await db.LockRowAsync<EmployerJob>(jobId, cancellationToken);
                job = await ConsultationChecks.JobAsync(db, errors, "jobId", jobId, employer.Id, cancellationToken);
            }
        }
        errors.ThrowIfAny();
        if (consultation.Status is not (GuardianshipConsultationStatus.Proposed or GuardianshipConsultationStatus.Arranged))
            throw new ConflictException(UseCaseStrings.Format("Guardianship_AlreadyRecorded"));
        var task = await Consultations.OpenTaskAsync(db, consultation, cancellationToken)
                   ?? throw new ConflictException(UseCaseStrings.Format("Guardianship_NoOpenTask"));

        var now = time.GetUtcNow().UtcDateTime;
        consultation.HeldOn = heldOn;
        (consultation.ParentTookPart, consultation.EmployerTookPart, consultation.SchoolTookPart, consultation.CommunityTookPart) = took;
        consultation.Outcome = outcome;
        consultation.JobId = job?.Id;
        consultation.EntrustedGuardian = outcome == GuardianshipOutcome.EntrustedGuardian ? guardian : null;
        consultation.OutcomeNote = note;
        consultation.RecordedByUserId = user.UserId;
        consultation.RecordedAtUtc = now;
        consultation.Status = outcome == GuardianshipOutcome.NotPossibleNow ? GuardianshipConsultationStatus.Closed : GuardianshipConsultationStatus.AwaitingFollowUp;
        if (job is not null) job.Filled++;

        var @case = await db.Cases.FirstAsync(c => c.Id == consultation.CaseId, cancellationToken);
        if (outcome is GuardianshipOutcome.ReturnedWithJob or GuardianshipOutcome.ReturnedWithoutJob)
            await ParentReturnsAsync(@case, consultation.ParentMemberId, employer, cancellationToken);

        var outcomeText = DomainLabels.For(outcome!.Value, DomainCultures.Chinese)
                          + (job is not null ? $"（{employer!.Name}·{job.Title}）" : "")
                          + (guardian is not null && outcome == GuardianshipOutcome.EntrustedGuardian ? $"（{guardian}）" : "")
                          + (note is not null ? $"：{note}" : "");
        Consultations.Timeline(db, consultation.CaseId, user.UserId, now,
            UseCaseStrings.Record("GuardianshipTimeline_Recorded", ConsultationChecks.Text(heldOn!.Value), Participants(consultation), outcomeText));
        AuditLog.Add(db, user, time, AuditActions.GuardianshipConsultationChange, nameof(Case), consultation.CaseId,
            $"recorded {consultation.Id.ToString(CultureInfo.InvariantCulture)}: {outcome}{(job is null ? "" : $" job {job.Id.ToString(CultureInfo.InvariantCulture)}")}");
        await db.SaveChangesAsync(cancellationToken);

        await Consultations.CompleteTaskAsync(runtime, workflows, task, outcome.Value.ToString(),
            new JsonObject { ["outcomeNote"] = outcomeText }, user.UserId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await ConsultationView.LoadAsync(db, user, tree, time, consultation.Id, audit: false, cancellationToken);
    }

    /// <summary>The parent now lives and works in Bishan and with the minor: the 家庭 tab changes, with history.</summary>
    private async Task ParentReturnsAsync(Case @case, long memberId, Employer? employer, CancellationToken ct)
    {
        var parent = await db.FamilyMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.CaseId == @case.Id && m.Active, ct);
        if (parent is null) return;
        var before = FamilyMembers.Copy(parent);
        parent.Residence = FamilyResidence.InBishan;
        parent.City = null;
        parent.Employer = employer?.Name;
        parent.LivesWithMinor = true;
        parent.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        var differences = FamilyHistoryText.Differences(before, parent);
        if (differences.Count == 0) return;

        // Both parents were away: now only the other one is.
        var family = await db.CaseFamilies.FirstOrDefaultAsync(f => f.CaseId == @case.Id, ct);
        if (family?.Situation == GuardianshipSituation.BothParentsAway)
        {
            family.Situation = GuardianshipSituation.OneParentAway;
            family.UpdatedAtUtc = parent.UpdatedAtUtc;
            differences = [.. differences, UseCaseStrings.Record("GuardianshipHistory_Situation")];
        }
        FamilyAccess.Record(db, user, time, @case, AuditActions.FamilyChange,
            UseCaseStrings.Record("GuardianshipHistory_ParentReturned", before.Name, string.Join("；", differences)));
    }

    private static string Participants(GuardianshipConsultation c)
    {
        var names = new List<string>();
        if (c.ParentTookPart) names.Add(UseCaseStrings.Record("GuardianshipParticipant_Parent"));
        if (c.EmployerTookPart) names.Add(UseCaseStrings.Record("GuardianshipParticipant_Employer"));
        if (c.SchoolTookPart) names.Add(UseCaseStrings.Record("GuardianshipParticipant_School"));
        if (c.CommunityTookPart) names.Add(UseCaseStrings.Record("GuardianshipParticipant_Community"));
        return string.Join("、", names);
    }
}
