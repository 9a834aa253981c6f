using Bishan.Workflow.Cases.CaseFiles;
using Bishan.Workflow.Cases.Criteria;
using Bishan.Workflow.Cases.ExitCriteria;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Cases.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.DemoData;

/// <summary>
/// Writes the synthetic register of <see cref="DemoDataGenerator"/> as case files: 476 registered, 211 exited, 52 / 4 /
/// 36 / 73 / 311 by action, each with its register period, approvals (so the data obey the gates) and timeline; a
/// helper pool and funding lines from the source's figures; a handful of family subsidies (<see cref="DemoSubsidies"/>); one
/// past weekly consultation with agenda, minutes and decision tasks; and two fresh referrals. Idempotent: case ids are
/// deterministic, so a second run finds the first case and writes nothing.
/// </summary>
public sealed class DemoRegisterLoader(TimeProvider time, OrgTree tree, DemoDataOptions? options = null, CriteriaCatalogs? catalogs = null)
{
    private readonly CriteriaCatalogs _catalogs = catalogs ?? new CriteriaCatalogs(ExitCriteriaCatalog.Default);

    private static readonly Dictionary<FiveAction, (string Reason, string Goals, string Measures)> Texts = new()
    {
        [FiveAction.DropoutPrevention] = ("连续多日无故缺课，有辍学倾向。", "按时到校，学业跟上进度。", "班主任每周家访；课业辅导；与家长签订控辍保学责任书。"),
        [FiveAction.SpecialEducation] = ("多次严重违反校规，经评估需接受专门教育。", "行为矫治，回归普通学校。", "专门学校就读；心理辅导；家庭教育指导。"),
        [FiveAction.CaseInvolved] = ("涉及治安案件，公安机关转介帮教。", "远离不良交往，不再违法。", "团区委帮教；法治教育；每月谈心谈话。"),
        [FiveAction.Unsupervised] = ("父母外出务工，长期无人有效监护。", "落实监护责任，生活学习有人照料。", "联系父母回乡履行监护职责；社区代理家长；定期走访。"),
        [FiveAction.MentalHealth] = ("情绪持续低落，心理筛查结果异常。", "情绪稳定，能正常学习生活。", "心理教师每周辅导；必要时转介专科；家长心理健康指导。"),
    };

    public async Task<DemoLoadResult> LoadAsync(ICasesDbContext db, CancellationToken ct)
    {
        var set = new DemoDataGenerator(time, tree, options).Generate();
        var minors = set.Minors.ToDictionary(m => m.Id);
        var firstId = CaseId(set.Registrations[0].MinorId);
        if (await db.Cases.AnyAsync(c => c.Id == firstId, ct))
        {
            // A register loaded before families existed gets its families once (issue 10).
            if (!await db.CaseFamilies.AnyAsync(f => f.CaseId == firstId, ct))
            {
                var ids = set.Registrations.Select(r => CaseId(r.MinorId)).ToList();
                await DemoFamilies.AddAsync(db, await db.Cases.Where(c => ids.Contains(c.Id)).ToListAsync(ct), ct);
                await db.SaveChangesAsync(ct);
            }
            // … and its help records up to today once, so that 跟踪问效 shows a programme at work (issue 11).
            if (!await db.HelpRecords.AnyAsync(ct))
            {
                var ids = set.Registrations.Select(r => CaseId(r.MinorId)).ToList();
                var loaded = await db.Cases.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
                var leads = (await db.CaseHelpers.AsNoTracking().Where(ch => ids.Contains(ch.CaseId) && ch.ReleasedAtUtc == null)
                    .Select(ch => new { ch.CaseId, ch.HelperId }).ToListAsync(ct))
                    .GroupBy(ch => ch.CaseId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().HelperId, StringComparer.Ordinal);
                await DemoHelpRecords.AddAsync(db, loaded, leads, time, ct);
                await db.SaveChangesAsync(ct);
            }
            return DemoLoadResult.AlreadyLoaded;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var staff = await StaffDirectory.LoadAsync(db, ct);
        var caseworkers = tree.Units.Select(u => u.Id)
            .Select(id => (id, user: staff.InRole(Roles.Caseworker, id) is [var first, ..] ? first.UserId : null))
            .Where(x => x.user is not null)
            .ToDictionary(x => x.id, x => x.user);
        var helpers = DemoPool.Build(tree).ToList();
        db.Helpers.AddRange(helpers);
        var teams = helpers.Where(h => h.Kind == HelperKind.Team).ToList();

        // The gates hold for the demo data too: every registration met its action's entry criteria and every exit its exit
        // criteria (the required items of version 1, with evidence), recorded with the version they were judged by.
        var versions = new Dictionary<(CriteriaKind, FiveAction), CriteriaVersion>();
        foreach (var kind in Enum.GetValues<CriteriaKind>())
            foreach (var action in Enum.GetValues<FiveAction>())
                versions[(kind, action)] = await _catalogs.CurrentAsync(db, kind, action, now, ct);
        await db.SaveChangesAsync(ct);

        var sequences = new Dictionary<int, int>();
        var cases = new List<Case>();
        foreach (var r in set.Registrations.OrderBy(r => r.RegisteredOn).ThenBy(r => r.Id))
        {
            var minor = minors[r.MinorId];
            var registeredAt = Utc(r.RegisteredOn, 10);
            var referredAt = registeredAt.AddDays(-7);
            var year = r.RegisteredOn.Year;
            sequences[year] = sequences.GetValueOrDefault(year) + 1;
            var text = Texts[r.PrimaryAction];
            var @case = new Case
            {
                Id = CaseId(minor.Id),
                FileNumber = CaseFileNumbers.Format(year, sequences[year]),
                Name = minor.Name,
                Gender = minor.Gender,
                DateOfBirth = minor.DateOfBirth,
                IdNumber = minor.IdNumber.Value,
                OrgUnitId = r.OrgUnitId,
                AreaId = r.AreaId,
                Status = r.Status,
                PrimaryAction = r.PrimaryAction,
                Tags = [.. r.Tags],
                Tier = r.Tier,
                CoordinatingBodyId = r.CoordinatingBody.OrgUnitId,
                CarriedOutById = r.CoordinatingBody.CarriedOutById,
                CaseworkerUserId = caseworkers.GetValueOrDefault(r.OrgUnitId),
                ReferralReason = text.Reason,
                SuggestedAction = r.PrimaryAction,
                Source = tree.Get(r.OrgUnitId).Kind == OrgUnitKind.School ? "学校排查" : "社区（村）排查",
                PlanUpdatedAtUtc = registeredAt.AddDays(3),
                CreatedAtUtc = referredAt,
                RegisteredAtUtc = registeredAt,
                ExitedAtUtc = r.ExitedOn is { } exited ? Utc(exited, 15) : null,
                RegistrationCount = 1,
                UpdatedAtUtc = r.ExitedOn is { } e ? Utc(e, 15) : registeredAt.AddDays(3),
            };
            cases.Add(@case);
            db.Cases.Add(@case);
            db.CaseRegistrations.Add(new CaseRegistration
            {
                CaseId = @case.Id, Number = 1, PrimaryAction = r.PrimaryAction, Tier = r.Tier,
                RegisteredAtUtc = registeredAt, ExitedAtUtc = @case.ExitedAtUtc,
            });
            Approve(db, @case, ApprovalSubject.Registration, r.Tier, registeredAt);
            var body = tree.Find(r.CoordinatingBody.OrgUnitId)?.Name ?? r.CoordinatingBody.OrgUnitId;
            Timeline(db, @case, referredAt, TimelineKind.Referred, $"转介：{text.Reason}");
            Timeline(db, @case, registeredAt, TimelineKind.Registered, CaseTexts.Format("Timeline_Registered",
                CaseTexts.Label(r.PrimaryAction), CaseTexts.Label(r.Tier), body, "", 1));
            Judge(db, @case, versions[(CriteriaKind.Entry, r.PrimaryAction)], registeredAt.AddHours(-2), "Eligible", text.Reason);
            Timeline(db, @case, registeredAt.AddDays(3), TimelineKind.Plan, $"制定一人一策帮扶方案：{text.Goals}");
            if (@case.ExitedAtUtc is { } exitedAt)
            {
                Judge(db, @case, versions[(CriteriaKind.Exit, r.PrimaryAction)], exitedAt.AddDays(-3), "CriteriaMet", "逐项核查，达到出库条件。");
                Approve(db, @case, ApprovalSubject.Exit, null, exitedAt);
                Timeline(db, @case, exitedAt, TimelineKind.Exited, CaseTexts.Format("Timeline_Exited", "达到出库条件，评估合格。"));
            }
        }
        await db.SaveChangesAsync(ct);

        // Helper ids exist now: give each case in the register a team, round robin.
        var teamIndex = 0;
        foreach (var @case in cases.Where(c => c.Status == CaseStatus.Registered))
            db.CaseHelpers.Add(new CaseHelper
            {
                CaseId = @case.Id, HelperId = teams[teamIndex++ % teams.Count].Id, Role = "Lead", AssignedAtUtc = @case.PlanUpdatedAtUtc ?? now,
            });

        var teamsOf = db.CaseHelpers.Local.ToDictionary(ch => ch.CaseId, ch => ch.HelperId);
        AddPlans(db, cases, teamsOf, now);
        await DemoHelpRecords.AddAsync(db, cases, teamsOf, time, ct);
        await DemoFamilies.AddAsync(db, cases, ct);

        var familyLine = AddFunding(db, now);
        var meetingDecisionCases = AddPastWeeklyMeeting(db, cases, staff);
        var referrals = await AddReferralsAsync(db, caseworkers, now, ct);
        await DemoFamilies.AddAsync(db, db.Cases.Local.Where(c => c.Status == CaseStatus.Referred).ToList(), ct);
        await db.SaveChangesAsync(ct);

        var inRegister = cases.Where(c => c.Status == CaseStatus.Registered && !meetingDecisionCases.Contains(c.Id))
            .OrderBy(c => c.FileNumber, StringComparer.Ordinal).ToList();
        var escalations = inRegister.Where(c => c.Tier == Tier.Light).Take(2)
            .Select(c => new DemoEscalation(c.Id, Tier.Serious, "近期多次旷课，家庭配合度低，建议升级由牵头部门统筹。"))
            .Concat(inRegister.Where(c => c.Tier == Tier.Serious).Take(1)
                .Select(c => new DemoEscalation(c.Id, Tier.Severe, "出现自伤行为，需区级专班统筹协调。")))
            .ToList();
        var subsidyRequests = await DemoSubsidies.AddAsync(db, cases, familyLine,
            meetingDecisionCases.Concat(escalations.Select(e => e.CaseId)).ToHashSet(StringComparer.Ordinal), staff, now, ct);
        return new DemoLoadResult(true, cases.Count + referrals.Count, referrals, escalations, subsidyRequests);
    }

    /// <summary>
    /// Every demo case gets a support plan (version 1): its action's goal with the team as the responsible helper and a review
    /// in the coming weeks, plus a family-guidance goal; exited cases' goals carry their results.
    /// </summary>
    private void AddPlans(ICasesDbContext db, List<Case> cases, Dictionary<string, long> teamsOf, DateTime now)
    {
        var today = DistrictCalendar.Today(time);
        var n = 0;
        foreach (var @case in cases)
        {
            var text = Texts[@case.PrimaryAction!.Value];
            var at = @case.PlanUpdatedAtUtc ?? now;
            var exited = @case.ExitedAtUtc is { } e ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(e, DistrictCalendar.TimeZone)) : (DateOnly?)null;
            var helper = teamsOf.TryGetValue(@case.Id, out var h) ? h : (long?)null;
            var review = exited ?? today.AddDays(7 + n++ % 28);
            db.PlanGoals.Add(new PlanGoal
            {
                CaseId = @case.Id, Position = 1, Title = text.Goals, Measures = text.Measures, HelperId = helper, ReviewOn = review, CreatedAtUtc = at,
                Result = exited is null ? null : GoalResult.Achieved, ResultAtUtc = @case.ExitedAtUtc, ReviewedAtUtc = @case.ExitedAtUtc,
            });
            db.PlanGoals.Add(new PlanGoal
            {
                CaseId = @case.Id, Position = 2, Title = "监护人履行监护职责，参加家长课堂。", Measures = "家庭教育指导师每月入户指导一次；邀请监护人参加家长课堂。",
                HelperId = helper, ReviewOn = review, CreatedAtUtc = at,
                Result = exited is null ? null : GoalResult.Partly, ResultAtUtc = @case.ExitedAtUtc, ReviewedAtUtc = @case.ExitedAtUtc,
            });
            db.PlanRevisions.Add(new PlanRevision
            {
                CaseId = @case.Id, Version = 1, AtUtc = at, Changes = $"新增目标1：{text.Goals}\n新增目标2：监护人履行监护职责，参加家长课堂。",
            });
        }
    }

    private static string CaseId(Guid minorId) => minorId.ToString("N");

    /// <summary>A screening or exit evaluation that ticked every required criterion of <paramref name="version"/> with evidence.</summary>
    private static void Judge(ICasesDbContext db, Case @case, CriteriaVersion version, DateTime at, string result, string comment)
    {
        var day = TimeZoneInfo.ConvertTimeFromUtc(at, DistrictCalendar.TimeZone).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);
        var evidence = version.Kind == CriteriaKind.Entry ? $"{day}学校与村（社区）入户核实确认。" : $"{day}帮扶团队走访核实，有帮扶记录佐证。";
        var answers = CriteriaJson.Deserialize(version.ItemsJson).Where(i => i.Required)
            .Select(i => new CriterionAnswer(i.Id, i.TextZh, i.TextEn, i.Required, evidence)).ToList();
        var kind = version.Kind == CriteriaKind.Entry ? EvaluationKind.Screening : EvaluationKind.Exit;
        db.Evaluations.Add(new Evaluation
        {
            CaseId = @case.Id, Kind = kind, Result = result, Comment = comment, ChecklistJson = CriteriaJson.SerializeAnswers(answers),
            CriteriaVersionId = version.Id, EvaluatorUserId = @case.CaseworkerUserId, InstanceId = "demo-data", AtUtc = at,
        });
        var set = new CriteriaSet(version.Kind, version.Action, version.Id, version.Number, []);
        Timeline(db, @case, at, TimelineKind.Evaluation,
            $"{CaseTexts.Label(kind)}（{DomainLabels.ForOutcome(result, CaseTexts.Culture)}）：{comment}\n{SubmissionRecords.CriteriaLine(set, answers)}");
    }

    private static DateTime Utc(DateOnly localDate, int localHour) =>
        TimeZoneInfo.ConvertTimeToUtc(localDate.ToDateTime(new TimeOnly(localHour, 0)), DistrictCalendar.TimeZone);

    private static void Approve(ICasesDbContext db, Case @case, ApprovalSubject subject, Tier? tier, DateTime at) =>
        db.ApprovalRecords.Add(new ApprovalRecord
        {
            CaseId = @case.Id, InstanceId = "demo-data", Subject = subject, TargetTier = tier, Level = 1,
            Outcome = ApprovalOutcome.Approved, Comment = "同意。", DecidedAtUtc = at.AddHours(-1), ConsumedAtUtc = at,
        });

    private static void Timeline(ICasesDbContext db, Case @case, DateTime at, TimelineKind kind, string text) =>
        db.TimelineEntries.Add(new TimelineEntry { CaseId = @case.Id, AtUtc = at, Kind = kind, Text = text });

    /// <summary>The source's money: the special-education school rebuild, social workers, and subsidies to families (returned: the subsidies' line).</summary>
    private static BudgetLine AddFunding(ICasesDbContext db, DateTime now)
    {
        var family = new BudgetLine { Year = 2023, Name = "帮扶家庭补助", OrgUnitId = OrgUnitIds.TaskForce, Amount = 146_900m, Notes = $"演示数据，载入于{CaseTexts.LocalTime(now)}" };
        db.BudgetLines.AddRange(
            new BudgetLine { Year = 2023, Name = "专门学校改扩建", OrgUnitId = OrgUnitIds.EducationCommission, Amount = 7_660_000m },
            new BudgetLine { Year = 2023, Name = "购买社工服务（11名）", OrgUnitId = OrgUnitIds.EducationCommission, Amount = 565_600m },
            family);
        return family;
    }

    /// <summary>The id of the demo's past weekly consultation (it has a signed special report, <see cref="DemoSpecialReports"/>).</summary>
    public const string PastWeeklyMeetingId = "demo-weekly-20231016";

    /// <summary>The weekly consultation of Monday 16 October 2023: severe cases on the agenda, two decisions that became tasks.</summary>
    private static HashSet<string> AddPastWeeklyMeeting(ICasesDbContext db, List<Case> cases, StaffDirectory staff)
    {
        var held = Utc(new DateOnly(2023, 10, 16), 9);
        var meeting = new Meeting
        {
            Id = PastWeeklyMeetingId,
            Kind = MeetingKind.Weekly,
            Topic = "区级专班周会商",
            ScheduledAtUtc = held,
            HeldAtUtc = held,
            Status = MeetingStatus.Held,
            Attendance = "区级专班成员7人；区教委、区民政局、区卫健委、团区委各1人。",
            Minutes = "通报本周新入库情况；逐一研究严重程度个案的帮扶进展；部署下周重点工作。",
            CreatedAtUtc = held.AddDays(-1),
        };
        var severe = cases.Where(c => c.Tier == Tier.Severe && c.Status == CaseStatus.Registered).OrderBy(c => c.FileNumber, StringComparer.Ordinal).ToList();
        var weekBefore = held.AddDays(-7);
        var agenda = severe.Select(c => (c, AgendaReason.SevereCase))
            .Concat(cases.Where(c => c.RegisteredAtUtc >= weekBefore && c.RegisteredAtUtc < held).Select(c => (c, AgendaReason.NewRegistration)));
        foreach (var (c, reason) in agenda)
            meeting.AgendaItems.Add(new MeetingAgendaItem { MeetingId = meeting.Id, CaseId = c.Id, Reason = reason, Note = MeetingEffects.AgendaNote(c.PrimaryAction, c.Tier) });

        var decided = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in severe.Take(2))
        {
            var text = "本周内完成一次联合家访，并报告落实情况。";
            var taskId = $"demo-decision-{c.Id}";
            meeting.Decisions.Add(new MeetingDecision { MeetingId = meeting.Id, CaseId = c.Id, Text = text, TaskId = taskId });
            db.WorkTasks.Add(new WorkTask
            {
                Id = taskId,
                CaseId = c.Id,
                MeetingId = meeting.Id,
                Kind = WorkTaskKinds.Decision,
                Title = CaseTexts.Format("Decision_TaskTitle", text),
                Description = text,
                FormJson = $$"""[{"name":"result","label":"{{CaseTexts.Format("Decision_ResultLabel")}}","type":"TextArea","required":true}]""",
                AssigneeRule = Tasks.AssigneeRules.CaseCoordinator,
                AssigneeUserId = staff.InRole(Roles.Supervisor, OrgUnitIds.TaskForce) is [var head, ..] ? head.UserId : null,
                CandidateGroup = $"{Roles.Supervisor}@{OrgUnitIds.TaskForce}",
                OrgUnitId = c.OrgUnitId,
                Status = WorkTaskStatus.Open,
                CreatedAtUtc = held,
                DueAtUtc = held.AddDays(7),
            });
            Timeline(db, c, held, TimelineKind.Decision, CaseTexts.Format("Timeline_Decision", CaseTexts.Label(MeetingKind.Weekly), text));
            decided.Add(c.Id);
        }
        db.Meetings.Add(meeting);
        return decided;
    }

    /// <summary>Two fresh referrals, one for each demo caseworker, so that the demo starts with screening tasks.</summary>
    private async Task<List<string>> AddReferralsAsync(ICasesDbContext db, Dictionary<string, string?> caseworkers, DateTime now, CancellationToken ct)
    {
        var year = DistrictCalendar.Today(time).Year;
        var referrals = new[]
        {
            ("school-bishan-middle", "陈思雨", Gender.Female, new DateOnly(2011, 4, 12), FiveAction.MentalHealth, "课堂上多次情绪失控，心理教师建议筛查。"),
            ("community-qinggang", "杨浩然", Gender.Male, new DateOnly(2010, 9, 3), FiveAction.Unsupervised, "父母均在外地务工，近一个月夜不归宿。"),
        };
        var ids = new List<string>();
        foreach (var (unit, name, gender, born, action, reason) in referrals)
        {
            var id = "demo-referral-" + unit;
            var @case = new Case
            {
                Id = id,
                FileNumber = await CaseFileNumbers.NextAsync(db, year, ct),
                Name = name,
                Gender = gender,
                DateOfBirth = born,
                OrgUnitId = unit,
                AreaId = tree.AreaOf(unit)!,
                Status = CaseStatus.Referred,
                SuggestedAction = action,
                ReferralReason = reason,
                Source = tree.Get(unit).Kind == OrgUnitKind.School ? "学校排查" : "社区（村）排查",
                CaseworkerUserId = caseworkers.GetValueOrDefault(unit),
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
            };
            db.Cases.Add(@case);
            Timeline(db, @case, now, TimelineKind.Referred, $"转介：{reason}");
            ids.Add(id);
        }
        return ids;
    }
}
