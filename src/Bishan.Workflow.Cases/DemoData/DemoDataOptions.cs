namespace Bishan.Workflow.Cases.DemoData;

/// <summary>Knobs of the demo data. The defaults reproduce the source: registrations from 1 January to 19 October 2023.</summary>
public sealed record DemoDataOptions
{
    /// <summary>Random seed: the same seed, today and org tree give the same data, byte for byte.</summary>
    public int Seed { get; init; } = 20231019;

    /// <summary>First possible registration date.</summary>
    public DateOnly RegisterFrom { get; init; } = new(2023, 1, 1);

    /// <summary>The snapshot date: last possible registration and exit date (capped at "today").</summary>
    public DateOnly SnapshotDate { get; init; } = SourceFigures.AsOf;

    /// <summary>The shortest stay in the register before an exit, since an exit needs a help period and an evaluation.</summary>
    public int MinimumDaysBeforeExit { get; init; } = 30;
}
