using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Meetings;

/// <summary>
/// Cases a meeting names by file number (BS-2026-0001) or id, checked against the register: an unknown number is a field
/// error naming it, never a decision stored about nobody; a case outside the caller's scope is refused the same way.
/// </summary>
public static class MeetingCases
{
    /// <summary>The case <paramref name="fileNumberOrId"/> names, or null with an error at <paramref name="field"/>.</summary>
    public static async Task<Case?> FindAsync(ICasesDbContext db, string fileNumberOrId, string field, InputErrors errors, CaseScope? scope,
        CancellationToken ct)
    {
        var key = fileNumberOrId.Trim();
        var @case = await db.Cases.FirstOrDefaultAsync(c => c.FileNumber == key || c.Id == key, ct);
        if (@case is null)
        {
            errors.Add(field, UseCaseStrings.Format("Meeting_CaseUnknown", key));
            return null;
        }
        if (scope is not null && !scope.Covers(@case))
        {
            errors.Add(field, UseCaseStrings.Format("Meeting_CaseOutOfScope", @case.FileNumber));
            return null;
        }
        return @case;
    }

    /// <summary>
    /// Checks the case of every decision the secretary wrote in a minutes form (field <c>decisions</c>, one per line as
    /// <c>file number: text</c> or a JSON array), so the weekly consultation's task refuses an unknown file number too.
    /// </summary>
    public static async Task CheckDecisionFieldAsync(ICasesDbContext db, System.Text.Json.Nodes.JsonObject data, InputErrors errors, CancellationToken ct)
    {
        if (data["decisions"] is not { } node) return;
        foreach (var decision in Effects.MeetingDecision.ParseList(node))
            if (decision.CaseId is { } key)
                await FindAsync(db, key, "decisions", errors, null, ct);
    }
}
