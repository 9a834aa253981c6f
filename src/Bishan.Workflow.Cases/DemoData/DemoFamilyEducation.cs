using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.FamilyEducation;
using Bishan.Workflow.Cases.FamilyEducation.PlanGuidance;
using Bishan.Workflow.Cases.FamilyEducation.ReferFamily;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Cases.Workflow;
using Bishan.Workflow.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.DemoData;

/// <summary>
/// Family-education work for the demo, so that the guidance centre's pages and figures read like a programme at work: families of
/// registered files referred to the sub-centre of their area over the last half year, most accepted, guided in sessions with
/// attendance and evaluated after the set weeks (a few declined); and live work: referrals waiting for the 青杠
/// sub-centre to accept (tasks in the demo guidance workers' inboxes) and referrals just accepted with a plan, waiting for their
/// evaluation. The closed ones are written as records (as the register's past files are); the live ones go through the same use
/// cases and workflow as a caseworker's referral. Loaded once, when there is no referral yet; derived from the case ids.
/// </summary>
public static class DemoFamilyEducation
{
    private const int Closed = 18;
    private const int WaitingForDecision = 2;
    private const int JustAccepted = 1;

    private static readonly string[] Reasons =
    [
        "父母长期在外务工，祖辈监护，家庭教育方法简单，孩子行为习惯较差。",
        "家长与孩子沟通少，孩子近期厌学情绪明显，需要指导家长改进亲子沟通。",
        "监护人对孩子学习和心理状况关注不够，需要提升家庭教育能力。",
        "家庭关系紧张，家长教育方式以打骂为主，需要家庭教育指导。",
    ];

    private static readonly (GuidanceKind Kind, string Content)[] Sessions =
    [
        (GuidanceKind.Individual, "一对一指导：讲解亲子沟通方法，约定每天陪伴孩子半小时。"),
        (GuidanceKind.HomeVisit, "入户指导：了解家庭作息，指导监护人督促孩子按时完成作业。"),
        (GuidanceKind.ParentClass, "家长课堂：如何发现孩子的情绪变化。"),
        (GuidanceKind.Individual, "电话回访后面谈：家长反馈孩子与家人交流增多。"),
        (GuidanceKind.HomeVisit, "入户指导：协助家长制定假期安排，减少孩子独处时间。"),
    ];

    private static readonly (ParentingChange Result, string Note)[] Results =
    [
        (ParentingChange.Improved, "家长能主动与孩子沟通，孩子按时到校，行为习惯明显好转。"),
        (ParentingChange.PartlyImproved, "家长教育方式有所改变，但陪伴时间仍不足，建议继续跟进。"),
        (ParentingChange.Improved, "监护人掌握了基本的家庭教育方法，家庭氛围改善。"),
        (ParentingChange.NotImproved, "家长仍在外地，祖辈难以改变教育方式，建议转入监护会商。"),
        (ParentingChange.PartlyImproved, "孩子情绪趋于稳定，家长参与度有待提高。"),
        (ParentingChange.NotImproved, "家长参加指导次数少，教育方式变化不大，建议学校继续跟进。"),
    ];

    /// <param name="useCase">Runs one step as a use case: in its own transaction (the unit of work), as a request's would.</param>
    public static async Task LoadAsync(ICasesDbContext db, FamilyEducationOptions options, TimeProvider time, OrgTree tree, DemoUseCase useCase,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(useCase);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(tree);
        if (await db.FamilyEducationReferrals.AnyAsync(ct)) return;
        var staff = await db.Staff.AsNoTracking().ToListAsync(ct);
        var families = await DemoFamilyCandidates.LoadAsync(db, ct);
        var candidates = families
            .Where(f => f.Case.PrimaryAction is FiveAction.Unsupervised or FiveAction.DropoutPrevention or FiveAction.MentalHealth)
            .Select(f => (Family: f, SubCentre: FamilyEducationAccess.SubCentreFor(tree, f.Case.AreaId)))
            .Where(c => c.SubCentre is not null && c.Family.Members.Count > 0)
            .OrderBy(c => DemoFamilyCandidates.Seed(c.Family.Case.Id)).ToList();
        if (candidates.Count == 0) return;

        // The live ones: files of the demo caseworkers (who refer them) in the area of the 青杠 sub-centre, so the inbox of its demo
        // guidance worker shows the work; the 璧城 sub-centre's demo worker starts empty, for a user to try a referral from the start.
        var live = candidates.Where(c => c.Family.Case.CaseworkerUserId is not null && c.SubCentre!.Id == OrgUnitIds.FamilyEducationSubCentres[1])
            .Take(WaitingForDecision + JustAccepted).ToList();
        var closed = candidates.Where(c => c.Family.Case.CaseworkerUserId is null).Take(Closed).ToList();

        var now = time.GetUtcNow().UtcDateTime;
        var weeks = Math.Clamp(options.EvaluationWeeks, 1, 52);
        for (var i = 0; i < closed.Count; i++)
            AddClosed(db, closed[i].Family, closed[i].SubCentre!, DemoFamilyCandidates.Caseworker(staff, closed[i].Family.Case),
                GuidanceWorker(staff, closed[i].SubCentre!.Id), i, weeks, now);
        await db.SaveChangesAsync(ct);

        for (var i = 0; i < live.Count; i++)
        {
            var family = live[i].Family;
            var subCentre = live[i].SubCentre;
            var caseworker = staff.FirstOrDefault(s => s.UserId == family.Case.CaseworkerUserId);
            if (caseworker is null) continue;
            var referralId = "";
            var reason = Reasons[i % Reasons.Length];
            await useCase(async (step, c) => referralId = (await new ReferFamilyForGuidanceHandler(step.Db, new DemoActor(caseworker), tree, time,
                step.Workflows, options).Handle(new ReferFamilyForGuidance(family.Case.Id, reason), c)).Id, ct);
            if (i < WaitingForDecision) continue;
            var worker = GuidanceWorker(staff, subCentre!.Id);
            if (worker is null) continue;
            await useCase((step, c) => AcceptAsync(step.Db, step.Runtime, referralId, worker.UserId, c), ct);
            await useCase(async (step, c) => await new PlanFamilyGuidanceHandler(step.Db, new DemoActor(worker), tree, time)
                .Handle(new PlanFamilyGuidance(referralId, [nameof(GuidanceKind.Individual), nameof(GuidanceKind.ParentClass)],
                    "每两周个别指导一次，并邀请家长参加本片区家长课堂。"), c), ct);
        }
    }

    /// <summary>The sub-centre's accept/decline task completed with "Accepted", as its guidance worker's form does.</summary>
    private static async Task AcceptAsync(ICasesDbContext db, IWorkflowRuntime runtime, string referralId, string userId, CancellationToken ct)
    {
        var referral = await db.FamilyEducationReferrals.AsNoTracking().FirstAsync(r => r.Id == referralId, ct);
        var task = await FamilyEducationTasks.OpenTaskAsync(db, referral, FamilyEducationTasks.DecideNode, ct);
        var bookmark = await db.WorkTasks.AsNoTracking().Where(t => t.Id == task).Select(t => t.BookmarkId).FirstAsync(ct);
        var submission = new TaskSubmission("Accepted", new System.Text.Json.Nodes.JsonObject { ["decisionReason"] = "符合接收条件，安排指导员跟进。" },
            null, userId);
        await runtime.ResumeAsync(bookmark!, submission.ToJson(), ct);
    }

    private static void AddClosed(ICasesDbContext db, DemoFamily family, OrgUnit subCentre, string? referrer, StaffMember? worker, int index,
        int weeks, DateTime now)
    {
        var @case = family.Case;
        var seed = DemoFamilyCandidates.Seed(@case.Id);
        var referredAt = now.Date.AddDays(-(weeks * 7 + 30 + seed % 90)).AddHours(1 + seed % 7);
        var declined = index % 9 == 8;
        var id = DemoFamilyCandidates.Id("fe", @case.Id);
        var unit = subCentre.Name;
        var referral = new FamilyEducationReferral
        {
            Id = id, CaseId = @case.Id, SubCentreId = subCentre.Id, Reason = Reasons[seed % Reasons.Length], ReferredByUserId = referrer ?? "",
            ReferredAtUtc = referredAt, ReferredOn = DateOnly.FromDateTime(referredAt.AddHours(8)), EvaluationWeeks = weeks,
            DecidedAtUtc = referredAt.AddDays(2 + seed % 4),
        };
        db.FamilyEducationReferrals.Add(referral);
        Timeline(db, @case.Id, referredAt, referrer, CaseTexts.Format("FamilyEducationTimeline_Referred", unit, referral.Reason));
        if (declined)
        {
            referral.Status = FamilyEducationStatus.Declined;
            referral.DecisionReason = "该家庭已由学校心理教师持续开展家庭教育指导，暂不重复接收。";
            Timeline(db, @case.Id, referral.DecidedAtUtc.Value, worker?.UserId,
                CaseTexts.Format("FamilyEducationTimeline_Declined", unit, referral.DecisionReason));
            return;
        }

        referral.Status = FamilyEducationStatus.Evaluated;
        referral.DecisionReason = "符合接收条件，安排指导员跟进。";
        referral.PlanKinds = $"{nameof(GuidanceKind.Individual)},{nameof(GuidanceKind.HomeVisit)},{nameof(GuidanceKind.ParentClass)}";
        referral.PlanNote = "个别指导与入户指导交替进行，邀请家长参加家长课堂。";
        referral.PlannedAtUtc = referral.DecidedAtUtc.Value.AddDays(1);
        Timeline(db, @case.Id, referral.DecidedAtUtc.Value, worker?.UserId, CaseTexts.Format("FamilyEducationTimeline_Accepted", unit, weeks));

        // Those who are asked to come: the members the minor lives with, or the legal guardians.
        var expected = family.Members.Where(m => m.LivesWithMinor).ToList();
        if (expected.Count == 0) expected = family.Members.Where(m => m.IsLegalGuardian).ToList();
        if (expected.Count == 0) expected = [family.Members[0]];
        var count = 3 + seed % 3;
        var day = referral.ReferredOn.AddDays(7);
        for (var s = 0; s < count; s++)
        {
            var (kind, content) = Sessions[(seed + s) % Sessions.Length];
            // Now and then someone does not come; once in a while nobody does.
            var came = (seed + s) % 7 == 0 ? [] : (seed + s) % 3 == 0 ? expected.Take(1).ToList() : expected;
            var recordedAt = day.ToDateTime(new TimeOnly(10, 0)).AddHours(-8);
            db.FamilyEducationSessions.Add(new FamilyEducationSession
            {
                ReferralId = id, Kind = kind, SessionDate = day, Content = content,
                AttendeeMemberIds = string.Join(',', came.Select(m => m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                InvitedCount = expected.Count, AttendedCount = came.Count, RecordedByUserId = worker?.UserId ?? "", RecordedAtUtc = recordedAt,
            });
            Timeline(db, @case.Id, recordedAt, worker?.UserId, CaseTexts.Format("FamilyEducationTimeline_Session", unit,
                day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), DomainLabels.For(kind, CaseTexts.Culture),
                came.Count, expected.Count));
            day = day.AddDays(10 + (seed + s) % 8);
        }

        var (result, note) = Results[seed % Results.Length];
        referral.Result = result;
        referral.EvaluationNote = note;
        referral.EvaluatedAtUtc = referredAt.AddDays(weeks * 7 + 3 + seed % 5);
        Timeline(db, @case.Id, referral.EvaluatedAtUtc.Value, worker?.UserId,
            CaseTexts.Format("FamilyEducationTimeline_Evaluated", unit, DomainLabels.For(result, CaseTexts.Culture), note));
    }

    private static StaffMember? GuidanceWorker(IReadOnlyList<StaffMember> staff, string subCentreId) =>
        staff.Where(s => s.Role == Roles.GuidanceWorker && s.OrgUnitId == subCentreId).OrderBy(s => s.UserName, StringComparer.Ordinal).FirstOrDefault()
        ?? staff.Where(s => s.Role == Roles.GuidanceWorker && s.OrgUnitId == OrgUnitIds.FamilyEducationCentre)
            .OrderBy(s => s.UserName, StringComparer.Ordinal).FirstOrDefault();

    private static void Timeline(ICasesDbContext db, string caseId, DateTime at, string? actor, string text) =>
        db.TimelineEntries.Add(new TimelineEntry { CaseId = caseId, AtUtc = at, Kind = TimelineKind.Note, ActorUserId = actor, Text = text });
}
