using Bishan.Workflow.Cases.Approvals;
using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Workflow;

/// <summary>
/// Applies the effects that change a case file: status, registration (入库), tier changes (升级/降级), exit (出库),
/// re-entry (重新入库), closing, approval decisions and workflow timeline lines. The gates live here, not in the
/// workflows: registration, tier change and exit need an approved approval (<see cref="ApprovalGate"/>).
/// </summary>
internal sealed class CaseEffects(AssigneeResolver assignees, TaskBookmarkSync tasks)
{
    public static async Task ApplyAsync(PassScope scope, ApprovalDecided e)
    {
        if (!Enum.TryParse<ApprovalSubject>(e.Subject, ignoreCase: true, out var subject))
            throw new CaseGateException(CaseGateException.InvalidValue, $"Unknown approval subject '{e.Subject}'.");
        if (!Enum.TryParse<ApprovalOutcome>(e.Outcome, ignoreCase: true, out var outcome))
            throw new CaseGateException(CaseGateException.InvalidValue, $"Unknown approval outcome '{e.Outcome}'.");
        var @case = await scope.FindCaseAsync(e.CaseId);
        var record = new ApprovalRecord
        {
            CaseId = @case?.Id,
            InstanceId = e.InstanceId,
            Subject = subject,
            TargetTier = ParseTier(e.TargetTier),
            Level = e.Level,
            Outcome = outcome,
            Comment = e.Comment,
            ApproverUserId = e.UserId,
            DecidedAtUtc = scope.NowUtc,
        };
        scope.Db.ApprovalRecords.Add(record);
        if (@case is null) return;

        var tier = record.TargetTier is { } t ? $"（{CaseTexts.Label(t)}）" : "";
        scope.Timeline(@case.Id, TimelineKind.Approval,
            CaseTexts.Format("Timeline_ApprovalDecided", CaseTexts.Label(subject) + tier, e.Level, CaseTexts.Label(outcome), e.Comment),
            e.UserId);
    }

    public static async Task ApplyAsync(PassScope scope, CaseStatusChanged e)
    {
        var @case = await scope.RequireCaseAsync(e.CaseId);
        if (!Enum.TryParse<CaseStatus>(e.Status, ignoreCase: true, out var status))
            throw new CaseGateException(CaseGateException.InvalidValue, $"Unknown case status '{e.Status}'.");

        // Entering and leaving the register have their own gated effects; a status change may only return an
        // already registered case to Registered (an exit evaluation that did not pass), never exit it.
        if (status == CaseStatus.Exited)
            throw new CaseGateException(CaseGateException.StatusNotAllowed,
                $"Refused: case {@case.FileNumber} cannot be set to Exited by a status change; exit goes through Bishan.ExitCase and an approved exit.");
        if (status == CaseStatus.Registered && (@case.RegistrationCount == 0 || @case.Status is not (CaseStatus.Registered or CaseStatus.ExitEvaluation)))
            throw new CaseGateException(CaseGateException.StatusNotAllowed,
                $"Refused: case {@case.FileNumber} is {@case.Status} and has not been registered; registration goes through Bishan.RegisterCase and an approved registration.");

        @case.Status = status;
        scope.Touch(@case);
        scope.Timeline(@case.Id, TimelineKind.StatusChanged, CaseTexts.Format("Timeline_StatusChanged", CaseTexts.Label(status), e.Reason));
    }

    public async Task ApplyAsync(PassScope scope, CaseRegistered e)
    {
        var @case = await scope.RequireCaseAsync(e.CaseId);
        var action = Parse<FiveAction>(e.Action, "action");
        var tier = Parse<Tier>(e.Tier, "tier");
        if (@case.Status is CaseStatus.Registered or CaseStatus.ExitEvaluation)
            throw new CaseGateException(CaseGateException.StatusNotAllowed,
                $"Refused: case {@case.FileNumber} is already in the register ({@case.Status}).");
        await ApprovalGate.RequireAsync(scope, @case, [ApprovalSubject.Registration], tier, CaseGateException.RegistrationNotApproved, "registration");

        var body = assignees.CoordinatorOf(@case, tier, action);
        @case.PrimaryAction = action;
        @case.Tags = @case.Tags.Where(a => a != action).ToList();
        @case.Tier = tier;
        @case.CoordinatingBodyId = body.OrgUnitId;
        @case.CarriedOutById = body.CarriedOutById;
        @case.Status = CaseStatus.Registered;
        @case.RegisteredAtUtc = e.AtUtc;
        @case.ExitedAtUtc = null;
        @case.ClosedAtUtc = null;
        @case.CloseReason = null;
        @case.RegistrationCount++;
        scope.Touch(@case);
        scope.Db.CaseRegistrations.Add(new CaseRegistration
        {
            CaseId = @case.Id,
            Number = @case.RegistrationCount,
            PrimaryAction = action,
            Tier = tier,
            RegisteredAtUtc = e.AtUtc,
            InstanceId = e.InstanceId,
        });
        scope.Timeline(@case.Id, TimelineKind.Registered, CaseTexts.Format("Timeline_Registered",
            CaseTexts.Label(action), CaseTexts.Label(tier), OrgName(body.OrgUnitId), e.Reason, @case.RegistrationCount));
    }

    public async Task ApplyAsync(PassScope scope, CaseTierChanged e)
    {
        var @case = await scope.RequireCaseAsync(e.CaseId);
        var target = Parse<Tier>(e.TargetTier, "target tier");
        if (@case.Tier is not { } from || @case.PrimaryAction is null)
            throw new CaseGateException(CaseGateException.StatusNotAllowed,
                $"Refused: case {@case.FileNumber} has no tier yet; only a registered case changes tier.");
        var subjects = target >= from
            ? new[] { ApprovalSubject.Escalation }
            : [ApprovalSubject.Deescalation];
        await ApprovalGate.RequireAsync(scope, @case, subjects, target, CaseGateException.TierChangeNotApproved,
            target >= from ? "escalation" : "de-escalation");

        var body = assignees.CoordinatorOf(@case, target, null);
        @case.Tier = target;
        @case.CoordinatingBodyId = body.OrgUnitId;
        @case.CarriedOutById = body.CarriedOutById;
        scope.Touch(@case);
        scope.Timeline(@case.Id, TimelineKind.TierChanged, CaseTexts.Format(target >= from ? "Timeline_Escalated" : "Timeline_Deescalated",
            CaseTexts.Label(from), CaseTexts.Label(target), OrgName(body.OrgUnitId), e.Reason));
        await ReassignOpenTasksAsync(scope, @case);
    }

    public static async Task ApplyAsync(PassScope scope, CaseExited e)
    {
        var @case = await scope.RequireCaseAsync(e.CaseId);
        if (@case.Status is not (CaseStatus.Registered or CaseStatus.ExitEvaluation))
            throw new CaseGateException(CaseGateException.StatusNotAllowed,
                $"Refused: case {@case.FileNumber} is {@case.Status}; only a case in the register can exit.");
        await ApprovalGate.RequireAsync(scope, @case, [ApprovalSubject.Exit], null, CaseGateException.ExitNotApproved, "exit");

        @case.Status = CaseStatus.Exited;
        @case.ExitedAtUtc = e.AtUtc;
        scope.Touch(@case);
        var period = await CurrentPeriodAsync(scope, @case);
        if (period is not null) period.ExitedAtUtc = e.AtUtc;
        scope.Timeline(@case.Id, TimelineKind.Exited, CaseTexts.Format("Timeline_Exited", e.Reason));
    }

    public static async Task ApplyAsync(PassScope scope, CaseReentered e)
    {
        var @case = await scope.RequireCaseAsync(e.CaseId);
        @case.Status = CaseStatus.Screening;
        @case.ExitedAtUtc = null;
        @case.ClosedAtUtc = null;
        @case.CloseReason = null;
        scope.Touch(@case);
        scope.Timeline(@case.Id, TimelineKind.Reentered, CaseTexts.Format("Timeline_Reentered", e.Reason));
    }

    public static async Task ApplyAsync(PassScope scope, CaseClosed e)
    {
        var @case = await scope.RequireCaseAsync(e.CaseId);
        @case.Status = CaseStatus.Closed;
        @case.ClosedAtUtc = e.AtUtc;
        @case.CloseReason = e.Reason.Length > 2000 ? e.Reason[..2000] : e.Reason;
        scope.Touch(@case);
        scope.Timeline(@case.Id, TimelineKind.Closed, CaseTexts.Format("Timeline_Closed", e.Reason));
    }

    public static async Task ApplyAsync(PassScope scope, TimelineEntryAdded e)
    {
        var @case = await scope.RequireCaseAsync(e.CaseId);
        scope.Timeline(@case.Id, TimelineKind.Note, e.Text);
    }

    public async Task ApplyAsync(PassScope scope, NotificationRequested e)
    {
        var @case = await scope.FindCaseAsync(e.CaseId);
        var recipients = assignees.Recipients(e.Recipient, @case, await scope.StaffAsync());
        scope.Notify(recipients, e.Title, e.Message, @case?.Id, null);
    }

    /// <summary>
    /// A new coordinating body takes over the case's open coordinator tasks (a plan task, a help task assigned to the
    /// body); approvals already routed to a target tier stay where they are.
    /// </summary>
    private async Task ReassignOpenTasksAsync(PassScope scope, Case @case)
    {
        var open = await scope.Db.WorkTasks
            .Where(t => t.CaseId == @case.Id && t.Status == WorkTaskStatus.Open && t.TargetTier == null
                        && (t.AssigneeRule == Tasks.AssigneeRules.CaseCoordinator || t.AssigneeRule == Tasks.AssigneeRules.CaseCoordinatorUp))
            .ToListAsync(scope.Ct);
        foreach (var task in open)
            await tasks.AssignAsync(scope, task, @case);
        if (open.Count > 0)
            scope.Timeline(@case.Id, TimelineKind.TaskCreated, CaseTexts.Format("Timeline_TasksReassigned", open.Count));
    }

    private static async Task<CaseRegistration?> CurrentPeriodAsync(PassScope scope, Case @case) =>
        scope.Db.CaseRegistrations.Local.Where(r => r.CaseId == @case.Id).MaxBy(r => r.Number)
        ?? await scope.Db.CaseRegistrations.Where(r => r.CaseId == @case.Id).OrderByDescending(r => r.Number).FirstOrDefaultAsync(scope.Ct);

    private static string OrgName(string orgUnitId) => Organisation.OrgUnitSeed.Tree.Find(orgUnitId)?.Name ?? orgUnitId;

    private static Tier? ParseTier(string? text) =>
        Enum.TryParse<Tier>(text, ignoreCase: true, out var tier) && Enum.IsDefined(tier) ? tier : null;

    private static T Parse<T>(string text, string what)
        where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw new CaseGateException(CaseGateException.InvalidValue, $"'{text}' is not a valid {what}.");
}
