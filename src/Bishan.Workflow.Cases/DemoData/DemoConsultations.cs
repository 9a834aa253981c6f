using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Guardianship;
using Bishan.Workflow.Cases.Guardianship.ArrangeConsultation;
using Bishan.Workflow.Cases.Guardianship.ProposeConsultation;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Cases.Family;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.DemoData;

/// <summary>
/// Parents-return-home guardianship consultations for the demo: over the last year 区民政局 held consultations for files whose
/// parents work away, and several parents came home to a job from the employer register (their family records changed with
/// history, the job's places taken), one relative became entrusted guardian, and for some a return was not possible then; each
/// reviewed three months on. Live work: two fresh proposals in 区民政局's group inbox and one arranged for next week. The ended
/// ones are written as records; the live ones go through the same use cases and workflow as a caseworker's proposal. Loaded once,
/// when there is no consultation yet.
/// </summary>
public static class DemoConsultations
{
    private static readonly GuardianshipOutcome[] Outcomes =
    [
        GuardianshipOutcome.ReturnedWithJob, GuardianshipOutcome.ReturnedWithJob, GuardianshipOutcome.NotPossibleNow,
        GuardianshipOutcome.ReturnedWithJob, GuardianshipOutcome.EntrustedGuardian, GuardianshipOutcome.ReturnedWithoutJob,
        GuardianshipOutcome.ReturnedWithJob, GuardianshipOutcome.NotPossibleNow,
    ];

    private static readonly string[] Reasons =
    [
        "父母均在外务工，孩子由年迈祖辈照看，近期多次旷课，需要父母一方回乡履行监护职责。",
        "孩子长期独自在家，监护缺位，父亲有回乡就业意愿，需要协调本地岗位。",
        "留守期间孩子情绪低落，学校建议父母回乡陪伴，家长希望在璧山就近就业。",
    ];

    /// <param name="useCase">Runs one step as a use case: in its own transaction (the unit of work), as a request's would.</param>
    public static async Task LoadAsync(ICasesDbContext db, TimeProvider time, OrgTree tree, DemoUseCase useCase, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(useCase);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(tree);
        if (await db.GuardianshipConsultations.AnyAsync(ct)) return;
        var staff = await db.Staff.AsNoTracking().ToListAsync(ct);
        var keeper = staff.Where(s => s.Role == Roles.Supervisor && s.OrgUnitId == OrgUnitIds.CivilAffairsBureau)
            .OrderBy(s => s.UserName, StringComparer.Ordinal).FirstOrDefault();
        var jobs = await (from j in db.EmployerJobs
                          join e in db.Employers on j.EmployerId equals e.Id
                          where e.CooperationSigned && j.Open
                          orderby j.Id
                          select new { Job = j, Employer = e }).ToListAsync(ct);
        var inGuidance = (await db.FamilyEducationReferrals.AsNoTracking()
                .Where(r => r.Status != FamilyEducationStatus.Declined && r.Status != FamilyEducationStatus.Evaluated).Select(r => r.CaseId).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var candidates = (await DemoFamilyCandidates.LoadAsync(db, ct))
            .Where(f => !inGuidance.Contains(f.Case.Id) && FamilyRules.ParentWorkingAway(f.Family?.Situation, f.Members)
                        && f.Members.Any(FamilyRules.IsParentAway))
            // Not the families the guidance centre is working with now, so the two stories do not cross on one file.
            .OrderBy(f => DemoFamilyCandidates.Seed("gc" + f.Case.Id)).ToList();
        if (candidates.Count == 0) return;

        var now = time.GetUtcNow().UtcDateTime;
        var ended = candidates.Where(f => f.Case.CaseworkerUserId is null).Take(Outcomes.Length).ToList();
        for (var i = 0; i < ended.Count; i++)
        {
            var job = Outcomes[i] == GuardianshipOutcome.ReturnedWithJob && jobs.Count > 0 ? jobs[i % jobs.Count] : null;
            await AddEndedAsync(db, ended[i], Outcomes[i], job?.Employer, job?.Job, DemoFamilyCandidates.Caseworker(staff, ended[i].Case),
                keeper?.UserId, i, now, ct);
        }
        await db.SaveChangesAsync(ct);

        // Live: files of the demo caseworkers, who propose them.
        var live = candidates.Where(f => f.Case.CaseworkerUserId is not null).Take(2).ToList();
        for (var i = 0; i < live.Count; i++)
        {
            var caseworker = staff.FirstOrDefault(s => s.UserId == live[i].Case.CaseworkerUserId);
            if (caseworker is null) continue;
            var caseId = live[i].Case.Id;
            var reason = Reasons[i % Reasons.Length];
            long consultationId = 0;
            await useCase(async (step, c) => consultationId = (await new ProposeConsultationHandler(step.Db, new DemoActor(caseworker), tree,
                step.Workflows, time).Handle(new ProposeConsultation(caseId, null, reason), c)).ConsultationId, ct);
            if (i > 0 || keeper is null) continue;
            var plannedOn = ConsultationChecks.Text(DistrictCalendar.Today(time).AddDays(7));
            var matched = jobs.Take(2).Select(j => j.Job.Id).ToList();
            await useCase(async (step, c) => await new ArrangeConsultationHandler(step.Db, new DemoActor(keeper), tree, time)
                .Handle(new ArrangeConsultation(consultationId, plannedOn, "璧山区民政局三楼会议室", matched), c), ct);
        }
    }

    private static async Task AddEndedAsync(ICasesDbContext db, DemoFamily family, GuardianshipOutcome outcome, Employer? employer, EmployerJob? job,
        string? caseworker, string? keeper, int index, DateTime now, CancellationToken ct)
    {
        var @case = family.Case;
        var seed = DemoFamilyCandidates.Seed("gc" + @case.Id);
        var parent = family.Members.First(FamilyRules.IsParentAway);
        var proposedAt = now.Date.AddDays(-(150 + index * 20 + seed % 15)).AddHours(2);
        var heldOn = DateOnly.FromDateTime(proposedAt).AddDays(12 + seed % 6);
        var recordedAt = heldOn.ToDateTime(new TimeOnly(8, 0));
        var reason = Reasons[seed % Reasons.Length];
        var note = outcome == GuardianshipOutcome.NotPossibleNow ? "父亲所在企业合同未到期，年底再议；先由学校和社区加强关爱。" : null;
        var guardian = outcome == GuardianshipOutcome.EntrustedGuardian ? "舅舅（同住璧山）" : null;
        var consultation = new GuardianshipConsultation
        {
            CaseId = @case.Id, ParentMemberId = parent.Id, Reason = reason, Status = GuardianshipConsultationStatus.Closed,
            ProposedByUserId = caseworker, ProposedAtUtc = proposedAt,
            PlannedOn = heldOn, Place = "璧山区民政局三楼会议室", ArrangedByUserId = keeper, ArrangedAtUtc = proposedAt.AddDays(3),
            HeldOn = heldOn, ParentTookPart = true, EmployerTookPart = job is not null, SchoolTookPart = true, CommunityTookPart = index % 2 == 0,
            Outcome = outcome, JobId = job?.Id, EntrustedGuardian = guardian, OutcomeNote = note, RecordedByUserId = keeper, RecordedAtUtc = recordedAt,
        };
        var relationship = DomainLabels.For(parent.Relationship, DomainCultures.Chinese);
        Consultations.Timeline(db, @case.Id, caseworker, proposedAt, UseCaseStrings.Record("GuardianshipTimeline_Proposed", relationship, reason));
        var outcomeText = DomainLabels.For(outcome, DomainCultures.Chinese)
                          + (job is not null ? $"（{employer!.Name}·{job.Title}）" : "")
                          + (guardian is not null ? $"（{guardian}）" : "")
                          + (note is not null ? $"：{note}" : "");
        Consultations.Timeline(db, @case.Id, keeper, recordedAt, UseCaseStrings.Record("GuardianshipTimeline_Recorded",
            ConsultationChecks.Text(heldOn), UseCaseStrings.Record("GuardianshipParticipant_Parent") + "、" + UseCaseStrings.Record("GuardianshipParticipant_School"),
            outcomeText));
        if (job is not null && job.Filled < job.Openings) job.Filled++;

        if (outcome is GuardianshipOutcome.ReturnedWithJob or GuardianshipOutcome.ReturnedWithoutJob)
            await ParentReturnedAsync(db, @case, parent.Id, employer, recordedAt, keeper, ct);
        if (outcome != GuardianshipOutcome.NotPossibleNow)
        {
            // Reviewed three months on: the parent is at home and caring, or the entrusted guardian is.
            consultation.FollowUpParentAtHome = outcome != GuardianshipOutcome.EntrustedGuardian;
            consultation.FollowUpCaring = true;
            consultation.FollowUpNote = "孩子按时到校，家庭照护到位。";
            consultation.FollowUpByUserId = caseworker;
            consultation.FollowUpAtUtc = recordedAt.Add(Consultations.FollowUpAfter).AddDays(2);
            Consultations.Timeline(db, @case.Id, caseworker, consultation.FollowUpAtUtc.Value,
                UseCaseStrings.Record("GuardianshipTimeline_FollowUp",
                    UseCaseStrings.Record(consultation.FollowUpParentAtHome.Value ? "GuardianshipAnswer_Yes" : "GuardianshipAnswer_No"),
                    UseCaseStrings.Record("GuardianshipAnswer_Yes"), consultation.FollowUpNote));
        }
        db.GuardianshipConsultations.Add(consultation);
    }

    /// <summary>The parent came home: the family record as the consultation's record changed it, with its history line.</summary>
    private static async Task ParentReturnedAsync(ICasesDbContext db, Case @case, long memberId, Employer? employer, DateTime at, string? keeper,
        CancellationToken ct)
    {
        var parent = await db.FamilyMembers.FirstAsync(m => m.Id == memberId, ct);
        var before = FamilyMembers.Copy(parent);
        parent.Residence = FamilyResidence.InBishan;
        parent.City = null;
        parent.Employer = employer?.Name;
        parent.LivesWithMinor = true;
        parent.UpdatedAtUtc = at;
        var differences = FamilyHistoryText.Differences(before, parent);
        var family = await db.CaseFamilies.FirstOrDefaultAsync(f => f.CaseId == @case.Id, ct);
        if (family?.Situation == GuardianshipSituation.BothParentsAway)
        {
            family.Situation = GuardianshipSituation.OneParentAway;
            family.UpdatedAtUtc = at;
            differences = [.. differences, UseCaseStrings.Record("GuardianshipHistory_Situation")];
        }
        db.FamilyChanges.Add(new FamilyChange
        {
            CaseId = @case.Id, AuthorUserId = keeper, AtUtc = at,
            Changes = UseCaseStrings.Record("GuardianshipHistory_ParentReturned", before.Name, string.Join("；", differences)),
        });
        Consultations.Timeline(db, @case.Id, keeper, at, UseCaseStrings.Record("FamilyTimeline_Changed"));
    }
}
