using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Plans;

/// <summary>A case's support plan (帮扶方案, 一人一策) as the file and the API show it: current goals and every version.</summary>
public sealed record PlanView(int Version, DateTime? UpdatedAtUtc, IReadOnlyList<PlanGoalView> Goals, IReadOnlyList<PlanRevisionView> Revisions)
{
    /// <summary>Loads the plan of <paramref name="caseId"/>: active goals in order, revisions newest first.</summary>
    public static async Task<PlanView> LoadAsync(ICasesDbContext db, string caseId, DateTime? updatedAtUtc, CancellationToken ct)
    {
        var goals = await db.PlanGoals.AsNoTracking().Where(g => g.CaseId == caseId && g.Active).ToListAsync(ct);
        var helperIds = goals.Select(g => g.HelperId).OfType<long>().Distinct().ToArray();
        var helpers = await db.Helpers.AsNoTracking().Where(h => helperIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        var revisions = await db.PlanRevisions.AsNoTracking().Where(r => r.CaseId == caseId).ToListAsync(ct);
        var staff = revisions.Count == 0 ? null : await StaffDirectory.LoadAsync(db, ct);
        return new PlanView(
            revisions.Count == 0 ? 0 : revisions.Max(r => r.Version),
            updatedAtUtc,
            goals.OrderBy(g => g.Position).ThenBy(g => g.Id)
                .Select(g => new PlanGoalView(g.Id, g.Position, g.Title, g.Measures, g.HelperId,
                    g.HelperId is { } h ? helpers.GetValueOrDefault(h) : null, g.ReviewOn, g.ReviewTaskId, g.ReviewedAtUtc, g.Result, g.ResultNote,
                    g.ResultAtUtc))
                .ToList(),
            revisions.OrderByDescending(r => r.Version)
                .Select(r => new PlanRevisionView(r.Version, r.AuthorUserId, r.AuthorUserId is { } a ? staff!.NameOf(a) : null, r.AtUtc, r.Changes, r.Note))
                .ToList());
    }
}

public sealed record PlanGoalView(long Id, int Position, string Title, string Measures, long? HelperId, string? HelperName, DateOnly? ReviewOn,
    string? ReviewTaskId, DateTime? ReviewedAtUtc, GoalResult? Result, string? ResultNote, DateTime? ResultAtUtc);

public sealed record PlanRevisionView(int Version, string? AuthorUserId, string? AuthorName, DateTime AtUtc, string Changes, string? Note);
