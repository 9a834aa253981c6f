using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Helpers;

/// <summary>How busy a helper is: the open cases they are on and the help they recorded in the last 30 days.</summary>
public sealed record HelperWorkload(int OpenCases, int HelpRecordsLast30Days)
{
    public const int RecentDays = 30;

    /// <summary>
    /// Open means the minor is still being worked with: referred, in screening, in the register or under exit evaluation.
    /// Exited, followed-up, closed and rejected files do not count, nor do released assignments.
    /// </summary>
    public static bool IsOpen(CaseStatus status) =>
        status is CaseStatus.Referred or CaseStatus.Screening or CaseStatus.Registered or CaseStatus.ExitEvaluation;

    /// <summary>The workload of each helper, counted district-wide (a figure, not personal data), zero for the idle.</summary>
    public static async Task<IReadOnlyDictionary<long, HelperWorkload>> ForAsync(ICasesDbContext db, IReadOnlyCollection<long> helperIds,
        DateTime nowUtc, CancellationToken ct)
    {
        var ids = helperIds.Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<long, HelperWorkload>();

        // Statuses are stored as strings: compare with constants rather than Contains over an enum list.
        var assignments = await (from ch in db.CaseHelpers.AsNoTracking()
                                 join c in db.Cases.AsNoTracking() on ch.CaseId equals c.Id
                                 where ch.ReleasedAtUtc == null && ids.Contains(ch.HelperId)
                                       && (c.Status == CaseStatus.Referred || c.Status == CaseStatus.Screening
                                           || c.Status == CaseStatus.Registered || c.Status == CaseStatus.ExitEvaluation)
                                 select new { ch.HelperId, ch.CaseId }).ToListAsync(ct);
        // No upper bound: a help record dated today sits at noon in Bishan, which may still be ahead of the clock.
        var since = nowUtc.AddDays(-RecentDays);
        var records = await db.HelpRecords.AsNoTracking()
            .Where(r => r.HelperId != null && ids.Contains(r.HelperId.Value) && r.OccurredAtUtc >= since)
            .GroupBy(r => r.HelperId!.Value)
            .Select(g => new { HelperId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return ids.ToDictionary(id => id, id => new HelperWorkload(
            assignments.Where(a => a.HelperId == id).Select(a => a.CaseId).Distinct(StringComparer.Ordinal).Count(),
            records.FirstOrDefault(r => r.HelperId == id)?.Count ?? 0));
    }
}

/// <summary>One helper of the pool as the API shows it.</summary>
public sealed record HelperItem(long Id, string Name, HelperKind Kind, string? OrgUnitId, string? OrgUnitName, string? TeamName, string? Phone,
    string? Specialty, bool Active, HelperWorkload Workload)
{
    public static HelperItem Of(Helper h, HelperWorkload workload, Organisation.OrgTree tree) =>
        new(h.Id, h.Name, h.Kind, h.OrgUnitId, h.OrgUnitId is { } unit ? tree.Find(unit)?.Name : null, h.TeamName, h.Phone, h.Specialty,
            h.Active, workload);
}
