using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Supervision;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Responsibility;

/// <summary>
/// Everything 跟踪问效 counts, read once from the database, and which units answer for which case: the school or community
/// it belongs to, the 镇街 and area above that, the coordinating and carrying-out bodies, the departments leading its action,
/// the task force and the leading group (every case), and the helper teams on it. One definition for the responsibility
/// view, its tree, the weekly overdue digest and the tests.
/// </summary>
public sealed class ResponsibilityData
{
    public const int NoHelpDays = 30;
    public const int TrendWeeks = 8;

    private ResponsibilityData() { }

    public DateTime NowUtc { get; private init; }
    public DateOnly Today { get; private init; }
    public IReadOnlyList<CaseRow> Cases { get; private init; } = [];
    public IReadOnlyList<TaskRow> Tasks { get; private init; } = [];
    public IReadOnlyDictionary<string, DateTime> LastHelp { get; private init; } = new Dictionary<string, DateTime>();
    public IReadOnlyList<GoalRow> PlansPastReview { get; private init; } = [];
    public IReadOnlyList<(string CaseId, long HelperId, string TeamName)> Teams { get; private init; } = [];
    public IReadOnlyList<(SupervisionNotice Notice, SupervisionState State)> Notices { get; private init; } = [];

    public sealed record CaseRow(string Id, string FileNumber, string OrgUnitId, string? AreaId, string? CoordinatingBodyId, string? CarriedOutById,
        FiveAction? Action, DateTime? RegisteredAtUtc);

    public sealed record TaskRow(string Id, string? CaseId, string Title, WorkTaskStatus Status, DateTime CreatedAtUtc, DateTime? DueAtUtc,
        DateTime? CompletedAtUtc, string? OrgUnitId);

    public sealed record GoalRow(string CaseId, string Title, DateOnly ReviewOn);

    private static readonly CaseStatus[] InRegister = [CaseStatus.Registered, CaseStatus.ExitEvaluation];

    public static async Task<ResponsibilityData> LoadAsync(ICasesDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = time.GetUtcNow().UtcDateTime;
        var today = DistrictCalendar.Today(time);
        var since = now.AddDays(-7 * TrendWeeks - 7);
        var cases = await db.Cases.AsNoTracking().Where(c => InRegister.Contains(c.Status))
            .Select(c => new CaseRow(c.Id, c.FileNumber, c.OrgUnitId, c.AreaId, c.CoordinatingBodyId, c.CarriedOutById, c.PrimaryAction, c.RegisteredAtUtc))
            .ToListAsync(ct);
        var tasks = await db.WorkTasks.AsNoTracking()
            .Where(t => t.Status == WorkTaskStatus.Open || t.CreatedAtUtc >= since || (t.CompletedAtUtc != null && t.CompletedAtUtc >= since))
            .Select(t => new TaskRow(t.Id, t.CaseId, t.Title, t.Status, t.CreatedAtUtc, t.DueAtUtc, t.CompletedAtUtc, t.OrgUnitId))
            .ToListAsync(ct);
        var help = await db.HelpRecords.AsNoTracking().GroupBy(h => h.CaseId).Select(g => new { CaseId = g.Key, Last = g.Max(h => h.OccurredAtUtc) })
            .ToListAsync(ct);
        var goals = await db.PlanGoals.AsNoTracking().Where(g => g.Active && g.ReviewOn != null && g.ReviewOn < today && g.ReviewedAtUtc == null)
            .Select(g => new GoalRow(g.CaseId, g.Title, g.ReviewOn!.Value)).ToListAsync(ct);
        var teams = await (from ch in db.CaseHelpers.AsNoTracking()
                           join h in db.Helpers.AsNoTracking() on ch.HelperId equals h.Id
                           where ch.ReleasedAtUtc == null && h.Kind == HelperKind.Team
                           select new { ch.CaseId, h.Id, h.Name }).ToListAsync(ct);
        var notices = await db.SupervisionNotices.AsNoTracking().ToListAsync(ct);
        var instanceIds = notices.Select(n => n.WorkflowInstanceId).Where(i => i is not null).ToList();
        var noticeTasks = (await db.WorkTasks.AsNoTracking().Where(t => instanceIds.Contains(t.InstanceId)).ToListAsync(ct))
            .ToLookup(t => t.InstanceId, StringComparer.Ordinal);
        var inRegister = cases.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return new ResponsibilityData
        {
            NowUtc = now,
            Today = today,
            Cases = cases,
            Tasks = tasks,
            LastHelp = help.ToDictionary(h => h.CaseId, h => h.Last, StringComparer.Ordinal),
            PlansPastReview = [.. goals.Where(g => inRegister.Contains(g.CaseId))],
            Teams = [.. teams.Select(t => (t.CaseId, t.Id, t.Name))],
            Notices = [.. notices.Select(n => (n, SupervisionState.Of(noticeTasks[n.WorkflowInstanceId])))],
        };
    }

    /// <summary>The units that answer for a case (see the class remarks), the leading group always included.</summary>
    public static IEnumerable<string> UnitsOf(CaseRow c, OrgTree tree)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(tree);
        yield return OrgUnitIds.District;
        yield return c.OrgUnitId;
        if (tree.Find(c.OrgUnitId) is not null)
            foreach (var ancestor in tree.AncestorsOf(c.OrgUnitId))
                if (ancestor.Kind is OrgUnitKind.TownStreet or OrgUnitKind.Area) yield return ancestor.Id;
        if (c.AreaId is not null) yield return c.AreaId;
        if (c.CoordinatingBodyId is not null) yield return c.CoordinatingBodyId;
        if (c.CarriedOutById is not null) yield return c.CarriedOutById;
        if (c.Action is { } action)
            foreach (var department in tree.OfKind(OrgUnitKind.Department).Where(d => d.Actions.Contains(action)))
                yield return department.Id;
    }

    /// <summary>The case ids each unit answers for, and each helper team (key <c>team-{id}</c>).</summary>
    public Dictionary<string, HashSet<string>> CasesByUnit(OrgTree tree)
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Add(string unit, string caseId)
        {
            if (!map.TryGetValue(unit, out var set)) map[unit] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(caseId);
        }
        foreach (var c in Cases)
            foreach (var unit in UnitsOf(c, tree).Distinct(StringComparer.Ordinal))
                Add(unit, c.Id);
        var inRegister = Cases.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (caseId, helperId, _) in Teams.Where(t => inRegister.Contains(t.CaseId)))
            Add(TeamKey(helperId), caseId);
        return map;
    }

    public static string TeamKey(long helperId) => FormattableString.Invariant($"team-{helperId}");

    /// <summary>The figures of one unit from its cases (and, for supervision notices, its own id).</summary>
    public ResponsibilityFigures FiguresFor(string unitId, IReadOnlySet<string> caseIds)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        var tasks = Tasks.Where(t => t.CaseId is not null && caseIds.Contains(t.CaseId)).ToList();
        var open = tasks.Where(t => t.Status == WorkTaskStatus.Open).ToList();
        var overdue = open.Count(t => t.DueAtUtc < NowUtc);
        var completed = tasks.Where(t => t.Status == WorkTaskStatus.Completed && t.CompletedAtUtc is not null).ToList();
        double? average = completed.Count == 0 ? null
            : Math.Round(completed.Average(t => (t.CompletedAtUtc!.Value - t.CreatedAtUtc).TotalDays), 1);
        var noHelp = NoHelpCases(caseIds).Count();
        var plans = PlansPastReview.Count(g => caseIds.Contains(g.CaseId));
        var notices = NoticesOf(unitId).ToList();
        return new ResponsibilityFigures(caseIds.Count, open.Count, overdue, noHelp, plans, average,
            notices.Count(n => n.State.Status != SupervisionStatus.SignedOff), notices.Count,
            notices.Count(n => SupervisionState.IsLate(n.Notice, n.State, NowUtc) || n.Notice.EscalatedAtUtc is not null));
    }

    /// <summary>Cases in the register without a help record for <see cref="NoHelpDays"/> days (counted from registration when none).</summary>
    public IEnumerable<CaseRow> NoHelpCases(IReadOnlySet<string> caseIds)
    {
        var limit = NowUtc.AddDays(-NoHelpDays);
        return Cases.Where(c => caseIds.Contains(c.Id)
            && (LastHelp.TryGetValue(c.Id, out var last) ? last : c.RegisteredAtUtc ?? DateTime.MinValue) < limit);
    }

    public IEnumerable<(SupervisionNotice Notice, SupervisionState State)> NoticesOf(string unitId) =>
        Notices.Where(n => string.Equals(n.Notice.UnitId, unitId, StringComparison.Ordinal));

    /// <summary>
    /// The last <see cref="TrendWeeks"/> weeks (Monday to Sunday, Asia/Shanghai): tasks overdue at each week's end and tasks
    /// completed in it.
    /// </summary>
    public IReadOnlyList<WeekFigure> Trend(IReadOnlySet<string> caseIds)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        var tasks = Tasks.Where(t => t.CaseId is not null && caseIds.Contains(t.CaseId)).ToList();
        var monday = Today.AddDays(-(((int)Today.DayOfWeek + 6) % 7));
        var weeks = new List<WeekFigure>();
        for (var i = TrendWeeks - 1; i >= 0; i--)
        {
            var start = monday.AddDays(-7 * i);
            var startUtc = Utc(start);
            var endUtc = i == 0 ? NowUtc : Utc(start.AddDays(7));
            var overdue = tasks.Count(t => t.CreatedAtUtc <= endUtc && t.DueAtUtc < endUtc
                && (t.CompletedAtUtc is null ? t.Status == WorkTaskStatus.Open : t.CompletedAtUtc > endUtc));
            var done = tasks.Count(t => t.Status == WorkTaskStatus.Completed && t.CompletedAtUtc >= startUtc && t.CompletedAtUtc < endUtc);
            weeks.Add(new WeekFigure(start, overdue, done));
        }
        return weeks;
    }

    private static DateTime Utc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), DistrictCalendar.TimeZone);
}

/// <summary>One unit's 跟踪问效 figures.</summary>
public sealed record ResponsibilityFigures(int Cases, int OpenTasks, int OverdueTasks, int CasesWithoutHelp, int PlansPastReview,
    double? AverageDaysToComplete, int SupervisionOpen, int SupervisionTotal, int SupervisionLate);

/// <summary>One week of the trend: tasks overdue at its end, tasks completed in it.</summary>
public sealed record WeekFigure(DateOnly WeekStart, int Overdue, int Completed);
