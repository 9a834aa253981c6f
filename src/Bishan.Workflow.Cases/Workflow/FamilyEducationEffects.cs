using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Workflow;

/// <summary>Applies the `family-education-referral` workflow's steps in the pass's transaction.</summary>
internal static class FamilyEducationEffects
{
    /// <summary>
    /// Writes the step on the referral and a timeline line on the case, and tells the referring caseworker. A step that would
    /// move a closed referral (declined or evaluated) is ignored, so a replayed pass changes nothing.
    /// </summary>
    public static async Task ApplyAsync(PassScope scope, FamilyEducationStepped e)
    {
        var referral = await scope.Db.FamilyEducationReferrals.FirstOrDefaultAsync(r => r.Id == e.ReferralId, scope.Ct);
        if (referral is null || referral.Status is FamilyEducationStatus.Declined or FamilyEducationStatus.Evaluated) return;
        if (!Enum.TryParse<FamilyEducationStatus>(e.Step, ignoreCase: true, out var step)) return;
        var unit = await scope.Db.OrgUnits.Where(u => u.Id == referral.SubCentreId).Select(u => u.Name).FirstOrDefaultAsync(scope.Ct) ?? referral.SubCentreId;
        string text;
        switch (step)
        {
            case FamilyEducationStatus.Accepted:
                referral.DecisionReason = e.Note;
                referral.DecidedAtUtc = e.AtUtc;
                text = CaseTexts.Format("FamilyEducationTimeline_Accepted", unit, referral.EvaluationWeeks);
                break;
            case FamilyEducationStatus.Declined:
                referral.DecisionReason = e.Note;
                referral.DecidedAtUtc = e.AtUtc;
                text = CaseTexts.Format("FamilyEducationTimeline_Declined", unit, e.Note ?? "-");
                break;
            case FamilyEducationStatus.EvaluationDue:
                text = CaseTexts.Format("FamilyEducationTimeline_EvaluationDue", unit, referral.EvaluationWeeks);
                break;
            case FamilyEducationStatus.Evaluated:
                referral.Result = ResultOf(e.Result);
                referral.EvaluationNote = e.Note;
                referral.EvaluatedAtUtc = e.AtUtc;
                text = CaseTexts.Format("FamilyEducationTimeline_Evaluated", unit,
                    referral.Result is { } r ? DomainLabels.For(r, CaseTexts.Culture) : e.Result ?? "-", e.Note ?? "-");
                break;
            default:
                return;
        }
        referral.Status = step;
        scope.Timeline(referral.CaseId, TimelineKind.Note, text);
        var @case = await scope.FindCaseAsync(referral.CaseId);
        var recipients = new[] { referral.ReferredByUserId, @case?.CaseworkerUserId }.OfType<string>().Where(u => u.Length > 0).Distinct(StringComparer.Ordinal);
        scope.Notify(recipients, CaseTexts.Format("FamilyEducationNotification_Title", @case?.FileNumber ?? referral.CaseId), text, referral.CaseId, null);
    }

    /// <summary>The result by its API name or by its label in either language (the task form offers the Chinese labels).</summary>
    private static ParentingChange? ResultOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Enum.TryParse<ParentingChange>(text.Trim(), ignoreCase: true, out var named) && Enum.IsDefined(named)) return named;
        foreach (var value in Enum.GetValues<ParentingChange>())
            if (string.Equals(DomainLabels.For(value, DomainCultures.Chinese), text.Trim(), StringComparison.Ordinal)
                || string.Equals(DomainLabels.For(value, DomainCultures.English), text.Trim(), StringComparison.OrdinalIgnoreCase))
                return value;
        return null;
    }
}
