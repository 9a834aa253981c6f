using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Plans;

/// <summary>Writes a new version of a case's support plan: the revision row, the case's stamp and the timeline line.</summary>
public static class PlanVersions
{
    public const int MaxChangesLength = 8000;

    /// <summary>The number the next version of the case's plan gets (1 for the first), counting rows of this unit of work.</summary>
    public static async Task<int> NextAsync(ICasesDbContext db, string caseId, CancellationToken ct)
    {
        var stored = await db.PlanRevisions.Where(r => r.CaseId == caseId).MaxAsync(r => (int?)r.Version, ct) ?? 0;
        var pending = db.PlanRevisions.Local.Where(r => r.CaseId == caseId).Select(r => r.Version).DefaultIfEmpty(0).Max();
        return Math.Max(stored, pending) + 1;
    }

    public static async Task<PlanRevision> AddAsync(ICasesDbContext db, Case @case, IReadOnlyList<string> changes, string? note, string? userId,
        DateTime now, string? taskId, CancellationToken ct)
    {
        var text = string.Join("\n", changes);
        var revision = new PlanRevision
        {
            CaseId = @case.Id,
            Version = await NextAsync(db, @case.Id, ct),
            AuthorUserId = userId,
            AtUtc = now,
            Changes = text.Length <= MaxChangesLength ? text : text[..(MaxChangesLength - 1)] + "…",
            Note = note,
        };
        db.PlanRevisions.Add(revision);
        @case.PlanUpdatedAtUtc = now;
        @case.UpdatedAtUtc = now;
        db.TimelineEntries.Add(new TimelineEntry
        {
            CaseId = @case.Id, AtUtc = now, Kind = TimelineKind.Plan, ActorUserId = userId, TaskId = taskId,
            Text = UseCaseStrings.Record("Plan_Timeline_Revised", revision.Version, string.Join("；", changes)),
        });
        return revision;
    }

    /// <summary>
    /// A plan written as free text (the intake's plan task, the old two fields): one goal carrying the goals text with the
    /// measures text, replacing the active goals, as a new version.
    /// </summary>
    public static async Task FromTextAsync(ICasesDbContext db, Case @case, string? goals, string? measures, long? helperId, DateOnly? reviewOn,
        string? userId, DateTime now, string? taskId, CancellationToken ct)
    {
        var current = await db.PlanGoals.Where(g => g.CaseId == @case.Id && g.Active).ToListAsync(ct);
        var changes = new List<string>();
        foreach (var old in current)
        {
            old.Active = false;
            changes.Add(UseCaseStrings.Record("Plan_Change_Removed", old.Position, old.Title));
        }
        var goal = new PlanGoal
        {
            CaseId = @case.Id, Position = 1, Title = Cap(goals ?? measures ?? "", 4000), Measures = Cap(measures ?? "", 4000),
            HelperId = helperId, ReviewOn = reviewOn, CreatedAtUtc = now,
        };
        db.PlanGoals.Add(goal);
        changes.Add(UseCaseStrings.Record("Plan_Change_Added", 1, goal.Title));
        await AddAsync(db, @case, changes, null, userId, now, taskId, ct);
    }

    private static string Cap(string s, int max) => s.Length <= max ? s : s[..max];
}
