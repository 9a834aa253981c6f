using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Workflow;

/// <summary>
/// The domain's gates: registering, changing tier and exiting need an approved <see cref="ApprovalRecord"/> of the
/// right subject (and target tier) for the case, recorded before the effect (earlier in the same pass counts). Each
/// approval opens the gate once (<see cref="ApprovalRecord.ConsumedAtUtc"/>), so one approved escalation cannot be
/// replayed for a second tier change.
/// </summary>
internal static class ApprovalGate
{
    /// <summary>The unconsumed approved records that match, oldest first.</summary>
    public static async Task<IReadOnlyList<ApprovalRecord>> FindAllAsync(PassScope scope, string caseId, IReadOnlyCollection<ApprovalSubject> subjects, Tier? targetTier,
        string? instanceId = null)
    {
        var subjectList = subjects.ToArray();
        var stored = await scope.Db.ApprovalRecords
            .Where(a => a.CaseId == caseId && a.Outcome == ApprovalOutcome.Approved && a.ConsumedAtUtc == null && subjectList.Contains(a.Subject))
            .ToListAsync(scope.Ct);
        return scope.Db.ApprovalRecords.Local
            .Where(a => a.CaseId == caseId && a.Outcome == ApprovalOutcome.Approved && a.ConsumedAtUtc == null && subjectList.Contains(a.Subject))
            .Concat(stored)
            .Distinct()
            .Where(a => targetTier is null || a.TargetTier is null || a.TargetTier == targetTier)
            .Where(a => instanceId is null || a.InstanceId == instanceId)
            .OrderBy(a => a.DecidedAtUtc)
            .ThenBy(a => a.Level)
            .ToList();
    }

    /// <summary>
    /// The matching approval, consumed; otherwise the effect is refused. With <paramref name="instanceId"/>, only an approval
    /// decided in that workflow instance counts (a subsidy is approved by its own request's approval, not a sibling's).
    /// </summary>
    public static async Task<ApprovalRecord> RequireAsync(PassScope scope, Case @case, IReadOnlyCollection<ApprovalSubject> subjects, Tier? targetTier,
        string code, string what, string? instanceId = null)
    {
        var all = await FindAllAsync(scope, @case.Id, subjects, targetTier, instanceId);
        var approval = all is [var found, ..]
            ? found
            : throw new CaseGateException(code,
                           $"Refused: {what} of case {@case.FileNumber} ({@case.Id}) needs an approved {string.Join(" or ", subjects)} approval"
                           + (targetTier is { } t ? $" to tier {t}" : "") + ", and none is recorded. The workflow cannot bypass the approval gate.");
        // Both levels of a two-level approval belong to the one decision: consume them together.
        foreach (var same in all.Where(a => a.InstanceId == approval.InstanceId && a.Subject == approval.Subject))
            same.ConsumedAtUtc = scope.NowUtc;
        return approval;
    }
}
