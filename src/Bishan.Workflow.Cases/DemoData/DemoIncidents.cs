using Bishan.Workflow.Cases.Incidents;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.DemoData;

/// <summary>
/// Synthetic incidents that reproduce the source's headline results for January–September 2023 against the same months of
/// 2022 (<see cref="SourceFigures"/>): offences 26 → 16, which with the configured minor population (140,000 in 2022,
/// 141,000 in 2023) is a crime RATE 38.9% lower, as the source states it (the count falls 38.5%); suicide attempts 4 → 2
/// (−50%); abnormal deaths 3 → 2 (−33.3%, the source's −33%). A few incidents of October–December 2022 make the full
/// year differ from January–September. Some 2023 incidents name a demo case of the register. Loaded once (nothing is
/// written when demo incidents, the ones without a recording user, exist); dates after today are left out.
/// </summary>
public static class DemoIncidents
{
    /// <summary>The comparison the source reports: January–September.</summary>
    public static DateOnly PeriodFrom { get; } = new(2023, 1, 1);

    public static DateOnly PeriodTo { get; } = new(2023, 9, 30);

    /// <summary>Counts by kind: Jan–Sep 2022, Jan–Sep 2023, Oct–Dec 2022.</summary>
    public static IReadOnlyDictionary<IncidentKind, (int Before, int After, int LateBefore)> Counts { get; } =
        new Dictionary<IncidentKind, (int, int, int)>
        {
            [IncidentKind.Offence] = (26, 16, 6),
            [IncidentKind.SuicideAttempt] = (4, 2, 1),
            [IncidentKind.AbnormalDeath] = (3, 2, 1),
        };

    private static readonly string[] OffenceTexts =
    [
        "盗窃电动车电瓶，已由公安机关依法处理，通知监护人到场。",
        "在校外寻衅滋事，已训诫并责令监护人严加管教。",
        "为网络诈骗团伙帮助取款，已依法处理。",
        "打架致他人轻微伤，已调解处理。",
        "多次入室盗窃，已依法处理并开展帮教。",
    ];

    private static readonly string[] SuicideTexts =
    [
        "服药轻生，经及时送医脱离危险，已转介心理干预。",
        "欲从高处轻生，被民警和老师劝下，已通知监护人。",
    ];

    private static readonly string[] DeathTexts =
    [
        "野外溺水死亡。",
        "交通事故死亡。",
        "意外坠落死亡。",
    ];

    private static readonly string[] OffenceBodies = [OrgUnitIds.PublicSecurityBureau, OrgUnitIds.PublicSecurityBureau, OrgUnitIds.PoliticalLegalCommittee];
    private static readonly string[] SuicideBodies = [OrgUnitIds.HealthCommission, OrgUnitIds.EducationCommission];
    private static readonly string[] DeathBodies = [OrgUnitIds.PublicSecurityBureau, OrgUnitIds.HealthCommission];

    /// <summary>Writes the demo incidents; returns how many (0 when incidents already exist).</summary>
    public static async Task<int> LoadAsync(ICasesDbContext db, TimeProvider time, OrgTree tree, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tree);
        // Demo incidents are the only ones nobody recorded; incidents users entered do not stop the demo from loading.
        if (await db.IncidentReports.AnyAsync(i => i.RecordedByUserId == null, ct)) return 0;
        var today = DistrictCalendar.Today(time);
        var areas = OrgUnitIds.Areas;
        var schools = areas.ToDictionary(a => a, a => tree.ChildrenOf(a).Where(u => u.Kind == OrgUnitKind.School).Select(u => u.Id).ToList(),
            StringComparer.Ordinal);
        // Cases the 2023 incidents may name: registered case-involved and mental-health minors, by file number.
        var linkable = await db.Cases.AsNoTracking()
            .Where(c => c.RegisteredAtUtc != null && (c.PrimaryAction == FiveAction.CaseInvolved || c.PrimaryAction == FiveAction.MentalHealth))
            .OrderBy(c => c.FileNumber)
            .Select(c => new { c.Id, c.PrimaryAction, c.AreaId, c.OrgUnitId, c.RegisteredAtUtc })
            .ToListAsync(ct);

        var rows = new List<IncidentReport>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var n = 0;
        foreach (var (kind, counts) in Counts)
        {
            var (texts, bodies) = kind switch
            {
                IncidentKind.Offence => (OffenceTexts, OffenceBodies),
                IncidentKind.SuicideAttempt => (SuicideTexts, SuicideBodies),
                _ => (DeathTexts, DeathBodies),
            };
            var dates = Spread(new DateOnly(2022, 1, 1), new DateOnly(2022, 9, 30), counts.Before, (int)kind)
                .Concat(Spread(PeriodFrom, PeriodTo, counts.After, (int)kind + 1))
                .Concat(Spread(new DateOnly(2022, 10, 1), new DateOnly(2022, 12, 31), counts.LateBefore, (int)kind));
            var i = 0;
            foreach (var date in dates.Where(d => d <= today))
            {
                n++;
                var area = areas[n % areas.Count];
                var school = n % 2 == 0 ? schools[area][n % schools[area].Count] : null;
                var row = new IncidentReport
                {
                    Kind = kind, OccurredOn = date, AreaId = area, SchoolId = school, MinorInRegister = false,
                    ReportingBodyId = bodies[i % bodies.Length], Description = texts[i % texts.Length],
                    CreatedAtUtc = date.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc).AddDays(1),
                };
                // Every third incident of 2023 is about a minor already in the register, named by their case.
                var linkAction = kind == IncidentKind.Offence ? FiveAction.CaseInvolved : FiveAction.MentalHealth;
                var registeredBy = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                var link = date.Year == 2023 && i % 3 == 0 && kind != IncidentKind.AbnormalDeath
                    ? linkable.FirstOrDefault(c => c.PrimaryAction == linkAction && c.RegisteredAtUtc <= registeredBy && !used.Contains(c.Id))
                    : null;
                if (link is not null)
                {
                    used.Add(link.Id);
                    row.CaseId = link.Id;
                    row.MinorInRegister = true;
                    row.AreaId = link.AreaId;
                    row.SchoolId = tree.Find(link.OrgUnitId)?.Kind == OrgUnitKind.School ? link.OrgUnitId : null;
                }
                rows.Add(row);
                i++;
            }
        }
        db.IncidentReports.AddRange(rows);
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }

    /// <summary><paramref name="count"/> days spread evenly over the period, shifted by <paramref name="offset"/> days so kinds differ.</summary>
    private static IEnumerable<DateOnly> Spread(DateOnly from, DateOnly to, int count, int offset)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        for (var k = 0; k < count; k++)
            yield return from.AddDays(Math.Min(days - 1, (int)((k + 0.5) * days / count) + offset % 3));
    }
}
