using System.Globalization;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Cases.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.ExitCriteria;

/// <summary>
/// The family-education evaluations of a case (家庭教育指导成效), as evidence for whoever judges the exit criteria: appended to the
/// description of the exit check and of the exit approval, beside the ticked criteria. Stored text, so in Chinese.
/// </summary>
public static class FamilyEducationEvidence
{
    /// <summary>One line per evaluated referral, newest first, under a heading; null when the family was never evaluated.</summary>
    public static async Task<string?> ForCaseAsync(ICasesDbContext db, string caseId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var evaluated = await db.FamilyEducationReferrals.AsNoTracking()
            .Where(r => r.CaseId == caseId && r.Status == FamilyEducationStatus.Evaluated)
            .ToListAsync(ct);
        if (evaluated.Count == 0) return null;
        var ids = evaluated.Select(r => r.Id).ToList();
        var sessions = (await db.FamilyEducationSessions.AsNoTracking().Where(s => ids.Contains(s.ReferralId)).Select(s => s.ReferralId).ToListAsync(ct))
            .CountBy(s => s).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        var units = await db.OrgUnits.AsNoTracking().Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var lines = evaluated.OrderByDescending(r => r.EvaluatedAtUtc).Select(r => CaseTexts.Format("FamilyEducationEvidence_Line",
            r.EvaluatedAtUtc is { } at ? CaseTexts.LocalTime(at) : "-",
            units.GetValueOrDefault(r.SubCentreId, r.SubCentreId),
            r.Result is { } result ? DomainLabels.For(result, CaseTexts.Culture) : "-",
            sessions.GetValueOrDefault(r.Id).ToString(CultureInfo.InvariantCulture),
            r.EvaluationNote ?? ""));
        return CaseTexts.Format("FamilyEducationEvidence_Heading") + "\n" + string.Join("\n", lines);
    }
}
