using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.DemoData;

/// <summary>
/// The register figures the Chongqing Education Commission report gives for Bishan (as of 19 October 2023).
/// Demo data reproduces them exactly so that dashboards shown to the district look like their own numbers.
/// </summary>
public static class SourceFigures
{
    /// <summary>The date the figures are "as of" (截止10月19日).</summary>
    public static DateOnly AsOf { get; } = new(2023, 10, 19);

    /// <summary>Everyone ever registered (入库476人).</summary>
    public const int RegisteredTotal = 476;

    /// <summary>Evaluated and exited (评估合格出库211人).</summary>
    public const int ExitedTotal = 211;

    /// <summary>Registered by primary action: 52 / 4 / 36 / 73 / 311, summing to <see cref="RegisteredTotal"/>.</summary>
    public static IReadOnlyDictionary<FiveAction, int> RegisteredByAction { get; } = new Dictionary<FiveAction, int>
    {
        [FiveAction.DropoutPrevention] = 52,
        [FiveAction.SpecialEducation] = 4,
        [FiveAction.CaseInvolved] = 36,
        [FiveAction.Unsupervised] = 73,
        [FiveAction.MentalHealth] = 311,
    };
}
