using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Incidents;

/// <summary>One period of the comparison: its days (inclusive) and the minor population used for its rates.</summary>
public sealed record IndicatorPeriod(DateOnly From, DateOnly To, int? MinorPopulation);

/// <summary>An indicator in one period: the number of incidents and the rate per 10,000 minors (two decimals; null without a population).</summary>
public sealed record IndicatorFigure(int Count, decimal? RatePer10k);

/// <summary>
/// One indicator against the same period a year earlier. Changes are percentages with one decimal (−38.9), from the
/// unrounded figures; null when the earlier period has nothing to compare with (0 incidents, or no population).
/// </summary>
public sealed record OutcomeIndicator(IncidentKind Kind, IndicatorFigure Current, IndicatorFigure Previous,
    decimal? CountChangePercent, decimal? RateChangePercent);

/// <summary>
/// The outcome indicators (成效指标) for a period against the same period a year earlier: one definition for the statistics
/// page, the API, the special report and the tests. <see cref="DistrictWide"/> is false when the reader sees only the
/// incidents their body reported.
/// </summary>
public sealed record OutcomeIndicators(IndicatorPeriod Period, IndicatorPeriod Previous, IReadOnlyList<OutcomeIndicator> Indicators,
    bool DistrictWide)
{
    /// <summary>
    /// Counts <paramref name="incidents"/> by kind in <paramref name="from"/>–<paramref name="to"/> and in the same days a
    /// year earlier (29 February becomes 28 February). Rates use the minor population of the year each period starts in.
    /// Reads the database every time: a new incident changes the figures at once.
    /// </summary>
    public static async Task<OutcomeIndicators> ComputeAsync(IQueryable<IncidentReport> incidents, DateOnly from, DateOnly to,
        OutcomeOptions options, bool districtWide, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var current = new IndicatorPeriod(from, to, options.PopulationOf(from.Year));
        var previous = new IndicatorPeriod(from.AddYears(-1), to.AddYears(-1), options.PopulationOf(from.Year - 1));
        var counts = await incidents
            .Where(i => i.OccurredOn >= previous.From && i.OccurredOn <= to)
            .Select(i => new { i.Kind, i.OccurredOn })
            .ToListAsync(ct);
        int Count(IndicatorPeriod p, IncidentKind kind) => counts.Count(i => i.Kind == kind && i.OccurredOn >= p.From && i.OccurredOn <= p.To);

        var indicators = Enum.GetValues<IncidentKind>().Select(kind =>
        {
            int now = Count(current, kind), before = Count(previous, kind);
            decimal? rateNow = Rate(now, current.MinorPopulation), rateBefore = Rate(before, previous.MinorPopulation);
            return new OutcomeIndicator(kind,
                new IndicatorFigure(now, Round(rateNow, 2)),
                new IndicatorFigure(before, Round(rateBefore, 2)),
                Change(now, before),
                rateNow is { } a && rateBefore is { } b ? Change(a, b) : null);
        }).ToList();
        return new OutcomeIndicators(current, previous, indicators, districtWide);
    }

    /// <summary>Incidents per 10,000 minors, unrounded.</summary>
    public static decimal? Rate(int count, int? population) => population is { } n ? count * 10_000m / n : null;

    /// <summary>The change from <paramref name="before"/> to <paramref name="now"/> in percent, one decimal; null when there was nothing before.</summary>
    public static decimal? Change(decimal now, decimal before) =>
        before == 0 ? null : Math.Round((now - before) / before * 100m, 1, MidpointRounding.AwayFromZero);

    private static decimal? Round(decimal? value, int decimals) =>
        value is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero) : null;
}
