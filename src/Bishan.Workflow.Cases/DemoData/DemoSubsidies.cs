using Bishan.Workflow.Cases.Funding;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Cases.Workflow;

namespace Bishan.Workflow.Cases.DemoData;

/// <summary>
/// A handful of family subsidies (帮扶家庭补助) on demo cases, so that 经费 and the case files show some: settled ones in four
/// areas and four actions (paid, approved and waiting to be paid, rejected), each with its approval, timeline and, when
/// approved, its expenditure on the line "帮扶家庭补助"; and one fresh request of <c>caseworker2</c>'s that the host runs
/// through the subsidy approval and has sent back (<see cref="DemoSubsidyRequest"/>), so the demo shows an amendment to make
/// without adding to the pending approvals. Cases are picked by file number among those in the register for at least three
/// months, away from the two demo caseworkers' own units (their cases stay as the other demos expect them).
/// </summary>
internal static class DemoSubsidies
{
    private sealed record Settled(FiveAction Action, string AreaId, decimal Amount, string Reason, SubsidyStatus Status, string Comment);

    private static readonly Settled[] History =
    [
        new(FiveAction.Unsupervised, OrgUnitIds.DingjiaArea, 1_200m, "父母在外务工，祖母患病住院，补助生活费和祖母住院期间的看护费用。",
            SubsidyStatus.Paid, "同意，请社区跟进发放情况。"),
        new(FiveAction.DropoutPrevention, OrgUnitIds.DaluArea, 800m, "已返校复学，补助住校生活费和往返交通费。", SubsidyStatus.Paid, "同意。"),
        new(FiveAction.MentalHealth, OrgUnitIds.BichengArea, 1_500m, "补助心理专科门诊和心理咨询费用（已附门诊票据）。", SubsidyStatus.Approved, "同意，按票据金额列支。"),
        new(FiveAction.CaseInvolved, OrgUnitIds.QinggangArea, 3_000m, "补助家庭房屋修缮费用。", SubsidyStatus.Rejected,
            "房屋修缮不属于帮扶家庭补助范围，建议向镇街申请临时救助。"),
        new(FiveAction.SpecialEducation, OrgUnitIds.BichengArea, 600m, "补助专门学校就读期间的校服和学习用品费用。", SubsidyStatus.Paid, "同意。"),
    ];

    /// <summary>The fresh request: its amount and reason, and what the approver asks for when sending it back.</summary>
    private const decimal FreshAmount = 500m;
    private const string FreshReason = "补助学习用品和冬季衣物。";
    private const string FreshSentBack = "请补充家庭收入情况说明。";

    /// <summary>Units whose cases the other demos use as they are: the demo caseworkers' school and community.</summary>
    private static readonly HashSet<string> KeptApart = ["school-bishan-middle", "community-qinggang"];

    /// <summary>Writes the settled subsidies (saving twice: expenditures need the subsidies' ids) and the fresh request's row.</summary>
    public static async Task<IReadOnlyList<DemoSubsidyRequest>> AddAsync(ICasesDbContext db, IReadOnlyList<Case> cases, BudgetLine line,
        ISet<string> excluded, StaffDirectory staff, DateTime now, CancellationToken ct)
    {
        var settledBefore = now.AddDays(-90);
        var inRegister = cases.Where(c => c.Status == CaseStatus.Registered && !excluded.Contains(c.Id) && c.RegisteredAtUtc <= settledBefore)
            .OrderBy(c => c.FileNumber, StringComparer.Ordinal).ToList();
        var candidates = inRegister.Where(c => !KeptApart.Contains(c.OrgUnitId)).ToList();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var settled = new List<(Subsidy Subsidy, Case Case, Settled Spec, string? Approver)>();
        foreach (var spec in History)
        {
            var @case = candidates.FirstOrDefault(c => c.PrimaryAction == spec.Action && c.AreaId == spec.AreaId && !used.Contains(c.Id))
                        ?? candidates.FirstOrDefault(c => c.PrimaryAction == spec.Action && !used.Contains(c.Id));
            if (@case is null) continue;
            used.Add(@case.Id);
            var requested = @case.RegisteredAtUtc!.Value.AddDays(30);
            var decided = requested.AddDays(3);
            var approver = staff.InRole(Roles.Supervisor, @case.CoordinatingBodyId ?? "") is [var first, ..] ? first.UserId : null;
            var subsidy = new Subsidy
            {
                CaseId = @case.Id, Amount = spec.Amount, Reason = spec.Reason, Status = spec.Status, RequestedByUserId = @case.CaseworkerUserId,
                RequestedAtUtc = requested, DecidedByUserId = approver, DecidedAtUtc = decided, BudgetLineId = line.Id,
                PaidAtUtc = spec.Status == SubsidyStatus.Paid ? decided.AddDays(7) : null,
            };
            db.Subsidies.Add(subsidy);
            settled.Add((subsidy, @case, spec, approver));
        }

        // The fresh request: a case of caseworker2's community, so the sent-back amendment lands in a demo user's inbox.
        var fresh = inRegister.FirstOrDefault(c => c.OrgUnitId == "community-qinggang" && c.CaseworkerUserId is not null);
        Subsidy? request = null;
        if (fresh is not null)
        {
            request = new Subsidy
            {
                CaseId = fresh.Id, Amount = FreshAmount, Reason = FreshReason, Status = SubsidyStatus.Requested,
                RequestedByUserId = fresh.CaseworkerUserId, RequestedAtUtc = now, BudgetLineId = line.Id,
            };
            db.Subsidies.Add(request);
            Timeline(db, fresh.Id, now, UseCaseStrings.Record("Timeline_SubsidyRequested", Money.Text(FreshAmount), line.Name, FreshReason),
                fresh.CaseworkerUserId);
        }
        await db.SaveChangesAsync(ct);

        var remaining = line.Amount;
        foreach (var (subsidy, @case, spec, approver) in settled.OrderBy(s => s.Subsidy.DecidedAtUtc))
        {
            var amount = Money.Text(subsidy.Amount);
            var decided = subsidy.DecidedAtUtc!.Value;
            Timeline(db, @case.Id, subsidy.RequestedAtUtc, UseCaseStrings.Record("Timeline_SubsidyRequested", amount, line.Name, subsidy.Reason),
                subsidy.RequestedByUserId);
            var approved = spec.Status != SubsidyStatus.Rejected;
            db.ApprovalRecords.Add(new ApprovalRecord
            {
                CaseId = @case.Id, InstanceId = "demo-data", Subject = ApprovalSubject.Subsidy, Level = 1,
                Outcome = approved ? ApprovalOutcome.Approved : ApprovalOutcome.Rejected, Comment = spec.Comment, ApproverUserId = approver,
                DecidedAtUtc = decided.AddHours(-1), ConsumedAtUtc = approved ? decided : null,
            });
            if (!approved)
            {
                Timeline(db, @case.Id, decided, CaseTexts.Format("Timeline_SubsidyRejected", amount, $"审批意见：{spec.Comment}"), approver);
                continue;
            }
            remaining -= subsidy.Amount;
            db.Expenditures.Add(new Expenditure
            {
                BudgetLineId = line.Id, Amount = subsidy.Amount, CaseId = @case.Id, SubsidyId = subsidy.Id, RecordedByUserId = approver,
                Purpose = CaseTexts.Format("Expenditure_SubsidyPurpose", @case.FileNumber, subsidy.Reason),
                SpentOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(decided, DistrictCalendar.TimeZone)), CreatedAtUtc = decided,
            });
            Timeline(db, @case.Id, decided, CaseTexts.Format("Timeline_SubsidyApproved", amount, line.Name, Money.Text(remaining)), approver);
            if (subsidy.PaidAtUtc is { } paid) Timeline(db, @case.Id, paid, UseCaseStrings.Record("Timeline_SubsidyPaid", amount), null);
        }
        await db.SaveChangesAsync(ct);

        return request is null || fresh is null
            ? []
            : [new DemoSubsidyRequest(fresh.Id, request.Id, Money.Text(request.Amount), request.Reason, line.Name, FreshSentBack)];
    }

    private static void Timeline(ICasesDbContext db, string caseId, DateTime at, string text, string? actorUserId) =>
        db.TimelineEntries.Add(new TimelineEntry { CaseId = caseId, AtUtc = at, Kind = TimelineKind.Subsidy, Text = text, ActorUserId = actorUserId });
}

/// <summary>A demo subsidy request the host runs through <c>subsidy-approval</c> and has the approver send back with <see cref="SentBackComment"/>.</summary>
public sealed record DemoSubsidyRequest(string CaseId, long SubsidyId, string Amount, string Reason, string BudgetLine, string SentBackComment);
