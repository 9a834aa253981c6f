using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Statistics;
using Bishan.Workflow.Cases.Statistics.GetRegisterFlow;
using Bishan.Workflow.Cases.Vocabulary;
using MudBlazor;

namespace Bishan.Workflow.Web.Components.Cases;

/// <summary>One chart's categories and counts, in display order.</summary>
public sealed record ChartBars(IReadOnlyList<string> Labels, IReadOnlyList<double> Values)
{
    public double Total => Values.Sum();

    /// <summary>The bars as MudBlazor 9's single series (charts take <see cref="ChartSeries{T}"/>, not the old double arrays).</summary>
    public List<ChartSeries<double>> Series(string name) => [new() { Name = name, Data = Values.ToArray() }];
}

/// <summary>
/// The register's figures (<see cref="RegisterFigures"/>) as chart data: by action in the programme's order (all five,
/// zeros included, so the bars never move), by tier light → severe, by area in the tree's order with unknown areas last.
/// </summary>
public static class RegisterCharts
{
    public static ChartBars ByAction(RegisterFigures figures) =>
        new([.. Enum.GetValues<FiveAction>().Select(a => DomainLabels.For(a))],
            [.. Enum.GetValues<FiveAction>().Select(a => (double)figures.ByAction.GetValueOrDefault(a))]);

    public static ChartBars ByTier(RegisterFigures figures) =>
        new([.. Enum.GetValues<Tier>().Select(t => DomainLabels.For(t))],
            [.. Enum.GetValues<Tier>().Select(t => (double)figures.ByTier.GetValueOrDefault(t))]);

    public static ChartBars ByArea(RegisterFigures figures, OrgTree tree)
    {
        var known = tree.OfKind(OrgUnitKind.Area).Select(a => a.Id).ToList();
        var ids = known.Concat(figures.ByArea.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal)).ToList();
        return new([.. ids.Select(id => tree.Find(id)?.Name ?? (string.IsNullOrEmpty(id) ? "—" : id))],
            [.. ids.Select(id => (double)figures.ByArea.GetValueOrDefault(id))]);
    }

    /// <summary>
    /// The in/out chart's x labels: every month's name would overlap on a tablet, so at most about
    /// <paramref name="maxLabels"/> are written (always the last, the current month) and the others left blank.
    /// </summary>
    public static string[] FlowLabels(RegisterFlow flow, int maxLabels = 12)
    {
        var count = flow.Months.Count;
        var step = Math.Max(1, (int)Math.Ceiling(count / (double)maxLabels));
        return [.. flow.Months.Select((m, i) => (count - 1 - i) % step == 0 ? m.Month : "")];
    }

    /// <summary>Registrations and exits per month as two line series.</summary>
    public static List<ChartSeries<double>> FlowSeries(RegisterFlow flow, string registered, string exited) =>
    [
        new() { Name = registered, Data = flow.Months.Select(m => (double)m.Registered).ToArray() },
        new() { Name = exited, Data = flow.Months.Select(m => (double)m.Exited).ToArray() },
    ];
}
