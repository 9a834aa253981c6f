namespace Bishan.Workflow.Cases.Incidents;

/// <summary>
/// Settings of the outcome indicators, section <see cref="SectionName"/>: the number of minors (under 18) living in the
/// district per calendar year, the denominator of "per 10,000 minors":
/// <code>"Outcomes": { "MinorPopulation": { "2022": 140000, "2023": 141000 } }</code>
/// A year without a figure has counts but no rate.
/// </summary>
public sealed record OutcomeOptions
{
    public const string SectionName = "Outcomes";

    /// <summary>Minors living in the district, by year.</summary>
    public Dictionary<int, int> MinorPopulation { get; init; } = [];

    /// <summary>The minor population of <paramref name="year"/>, or <c>null</c> when it is not set (or not positive).</summary>
    public int? PopulationOf(int year) => MinorPopulation.TryGetValue(year, out var n) && n > 0 ? n : null;
}
