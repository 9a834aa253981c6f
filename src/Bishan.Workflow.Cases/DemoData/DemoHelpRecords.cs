using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.DemoData;

/// <summary>
/// Help records (帮扶记录) for the demo files in the register, up to "today", so that 跟踪问效 reads like a programme at work:
/// most files have help within the last month, and a few units have fallen behind (their files' last help 5–11 weeks ago),
/// which the leader finds in red in the responsibility tree. One record soon after the plan, then one every few weeks; derived
/// from the case id, so a reload gives the same records.
/// </summary>
public static class DemoHelpRecords
{
    /// <summary>One unit in this many is behind: most of its files have had no help for more than 30 days.</summary>
    private const int LateUnitEvery = 6;

    private static readonly (string Kind, string Content)[] Visits =
    [
        ("家访", "帮扶团队入户走访，了解近况，与监护人沟通在家学习和作息安排。"),
        ("谈心", "班主任与孩子谈心，孩子情绪平稳，愿意按时到校。"),
        ("课程", "参加学校心理健康团体辅导课，课堂表现积极。"),
        ("服务", "社工跟进学业辅导，协助完成本周作业。"),
        ("家访", "网格员走访，确认孩子放学后有人照看。"),
    ];

    /// <summary>Adds the records to the registered cases of <paramref name="cases"/> that have none.</summary>
    public static async Task AddAsync(ICasesDbContext db, IReadOnlyList<Case> cases, IReadOnlyDictionary<string, long> teamsOf,
        TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(teamsOf);
        var registered = cases.Where(c => c.Status == CaseStatus.Registered && c.RegisteredAtUtc is not null).ToList();
        var ids = registered.Select(c => c.Id).ToList();
        var have = (await db.HelpRecords.AsNoTracking().Where(h => ids.Contains(h.CaseId)).Select(h => h.CaseId).Distinct().ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow().UtcDateTime;
        var units = registered.Select(c => c.OrgUnitId).Distinct().Order(StringComparer.Ordinal).ToList();
        var lateUnits = units.Where((_, i) => i % LateUnitEvery == LateUnitEvery - 1).ToHashSet(StringComparer.Ordinal);
        foreach (var @case in registered.Where(c => !have.Contains(c.Id)))
            Add(db, @case, teamsOf.TryGetValue(@case.Id, out var team) ? team : null, lateUnits.Contains(@case.OrgUnitId), now);
    }

    private static void Add(ICasesDbContext db, Case @case, long? team, bool unitIsLate, DateTime now)
    {
        var seed = Seed(@case.Id);
        // The last help: within the last 3–25 days, or 5–11 weeks ago for most files of a late unit and a few elsewhere.
        var late = unitIsLate ? seed % 10 < 7 : seed % 25 == 0;
        var last = now.Date.AddDays(-(late ? 35 + seed % 45 : 3 + seed % 23)).AddHours(2 + seed % 6);
        var first = @case.RegisteredAtUtc!.Value.AddDays(10);
        var at = first < last ? first : last;
        var n = seed;
        while (true)
        {
            var (kind, content) = Visits[n++ % Visits.Length];
            db.HelpRecords.Add(new HelpRecord
            {
                CaseId = @case.Id, OccurredAtUtc = at, Kind = kind, Content = content, HelperId = team, CreatedAtUtc = at,
            });
            db.TimelineEntries.Add(new TimelineEntry
            {
                CaseId = @case.Id, AtUtc = at, Kind = TimelineKind.HelpRecord, Text = UseCaseStrings.Record("Timeline_HelpRecord", kind, content),
            });
            if (at >= last) break;
            // Every four to nine weeks while the file is open, and the last one on its day.
            var next = at.AddDays(28 + n % 36);
            at = next < last ? next : last;
        }
    }

    private static int Seed(string id)
    {
        var hash = 2166136261u;
        foreach (var c in id)
            hash = (hash ^ c) * 16777619u;
        return (int)(hash % 1_000_000_007u);
    }
}
