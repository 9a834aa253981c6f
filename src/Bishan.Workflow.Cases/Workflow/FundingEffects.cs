using System.Globalization;
using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Cases.Funding;
using Bishan.Workflow.Cases.Funding.RequestSubsidy;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Cases.Time;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Workflow;

/// <summary>
/// Applies <see cref="SubsidyDecided"/>: the gate for money. A subsidy is approved, and its expenditure recorded against the
/// budget line, only with an approved subsidy approval of the same workflow instance (consumed, like the other gates), and
/// only while the line can cover it. The subsidy must be the instance's own and still requested, so a workflow cannot
/// settle another request or settle one twice.
/// </summary>
internal static class FundingEffects
{
    public static async Task ApplyAsync(PassScope scope, SubsidyDecided e)
    {
        var @case = await scope.RequireCaseAsync(e.CaseId);
        var subsidy = await FindAsync(scope, @case, e);
        if (!Enum.TryParse<SubsidyStatus>(e.Decision, ignoreCase: true, out var decision)
            || decision is not (SubsidyStatus.Approved or SubsidyStatus.Rejected or SubsidyStatus.Withdrawn))
            throw new CaseGateException(CaseGateException.InvalidValue, $"'{e.Decision}' is not a subsidy decision (Approved, Rejected, Withdrawn).");
        if (subsidy.Status != SubsidyStatus.Requested)
            throw new CaseGateException(CaseGateException.StatusNotAllowed,
                $"Refused: subsidy {subsidy.Id} of case {@case.FileNumber} is already {subsidy.Status}.");

        var amount = Money.Text(subsidy.Amount);
        if (decision != SubsidyStatus.Approved)
        {
            subsidy.Status = decision;
            subsidy.DecidedAtUtc = scope.NowUtc;
            scope.Timeline(@case.Id, TimelineKind.Subsidy,
                CaseTexts.Format(decision == SubsidyStatus.Rejected ? "Timeline_SubsidyRejected" : "Timeline_SubsidyWithdrawn", amount, e.Reason));
            return;
        }

        var approval = await ApprovalGate.RequireAsync(scope, @case, [ApprovalSubject.Subsidy], null, CaseGateException.SubsidyNotApproved,
            $"subsidy {subsidy.Id}", e.InstanceId);
        var line = subsidy.BudgetLineId is { } lineId ? await scope.Db.BudgetLines.FirstOrDefaultAsync(l => l.Id == lineId, scope.Ct) : null;
        if (line is null)
            throw new CaseGateException(CaseGateException.InvalidValue, $"Refused: subsidy {subsidy.Id} of case {@case.FileNumber} names no budget line.");
        // Under the line's row lock, like a recorded expenditure: concurrent approvals cannot overspend it.
        await scope.Db.LockRowAsync<BudgetLine>(line.Id, scope.Ct);
        var remaining = await FundingLedger.RemainingAsync(scope.Db, line, scope.Ct);
        if (subsidy.Amount > remaining)
            throw new CaseGateException(CaseGateException.BudgetExceeded,
                $"Refused: subsidy {subsidy.Id} of case {@case.FileNumber} ({amount} yuan) exceeds what remains on budget line '{line.Name}' ({Money.Text(remaining)} yuan).");

        subsidy.Status = SubsidyStatus.Approved;
        subsidy.DecidedAtUtc = scope.NowUtc;
        subsidy.DecidedByUserId = approval.ApproverUserId;
        scope.Db.Expenditures.Add(new Expenditure
        {
            BudgetLineId = line.Id,
            Amount = subsidy.Amount,
            Purpose = Truncate(CaseTexts.Format("Expenditure_SubsidyPurpose", @case.FileNumber, subsidy.Reason), 500),
            CaseId = @case.Id,
            SubsidyId = subsidy.Id,
            SpentOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(scope.NowUtc, DistrictCalendar.TimeZone)),
            RecordedByUserId = approval.ApproverUserId,
            CreatedAtUtc = scope.NowUtc,
        });
        scope.Timeline(@case.Id, TimelineKind.Subsidy, CaseTexts.Format("Timeline_SubsidyApproved", amount, line.Name, Money.Text(remaining - subsidy.Amount)),
            approval.ApproverUserId);
    }

    /// <summary>
    /// A sent-back request amended by the caseworker: the new reason (and amount) replace the request's, so the approver, the
    /// case file and the expenditure read what was resubmitted; the timeline records the amendment.
    /// </summary>
    public static async Task ApplyAsync(PassScope scope, SubsidyAmended e)
    {
        var @case = await scope.RequireCaseAsync(e.CaseId);
        var subsidy = await FindAsync(scope, @case, e.SubsidyId, e.InstanceId);
        if (subsidy.Status != SubsidyStatus.Requested)
            throw new CaseGateException(CaseGateException.StatusNotAllowed,
                $"Refused: subsidy {subsidy.Id} of case {@case.FileNumber} is already {subsidy.Status} and cannot be amended.");
        var reason = e.Reason.Trim();
        if (reason.Length is 0 or > RequestSubsidyHandler.MaxReasonLength)
            throw new CaseGateException(CaseGateException.InvalidValue,
                $"Refused: the amended reason of subsidy {subsidy.Id} must have 1 to {RequestSubsidyHandler.MaxReasonLength} characters.");

        var amount = subsidy.Amount;
        if (!string.IsNullOrWhiteSpace(e.Amount))
        {
            if (Money.TryParse(e.Amount) is not { } parsed || !Money.IsValid(parsed))
                throw new CaseGateException(CaseGateException.SubsidyAmountInvalid,
                    $"Refused: '{e.Amount}' is not a subsidy amount (positive yuan in whole fen, at most {Money.Text(Money.Max)}).");
            amount = parsed;
        }
        if (amount > subsidy.Amount)
        {
            var line = subsidy.BudgetLineId is { } lineId ? await scope.Db.BudgetLines.FirstOrDefaultAsync(l => l.Id == lineId, scope.Ct) : null;
            var remaining = line is null ? 0m : await FundingLedger.RemainingAsync(scope.Db, line, scope.Ct);
            if (amount > remaining)
                throw new CaseGateException(CaseGateException.BudgetExceeded,
                    $"Refused: the amended subsidy {subsidy.Id} of case {@case.FileNumber} ({Money.Text(amount)} yuan) exceeds what remains on budget line '{line?.Name}' ({Money.Text(remaining)} yuan).");
        }

        var text = amount == subsidy.Amount
            ? CaseTexts.Format("Timeline_SubsidyAmended", Money.Text(amount), reason)
            : CaseTexts.Format("Timeline_SubsidyAmendedAmount", Money.Text(subsidy.Amount), Money.Text(amount), reason);
        subsidy.Amount = amount;
        subsidy.Reason = reason;
        scope.Timeline(@case.Id, TimelineKind.Subsidy, text, TaskSubmission.From(scope.Pass.ResumeInput).UserId);
    }

    private static Task<Subsidy> FindAsync(PassScope scope, Case @case, SubsidyDecided e) => FindAsync(scope, @case, e.SubsidyId, e.InstanceId);

    private static async Task<Subsidy> FindAsync(PassScope scope, Case @case, string subsidyId, string instanceId)
    {
        var subsidy = long.TryParse(subsidyId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await scope.Db.Subsidies.FirstOrDefaultAsync(s => s.Id == id, scope.Ct)
            : null;
        if (subsidy is null || subsidy.CaseId != @case.Id || subsidy.InstanceId != instanceId)
            throw new CaseGateException(CaseGateException.SubsidyNotFound,
                $"Refused: subsidy '{subsidyId}' is not a request of case {@case.FileNumber} made through workflow instance {instanceId}.");
        return subsidy;
    }

    private static string Truncate(string text, int max) => text.Length > max ? text[..max] : text;
}
