using System.Globalization;
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

    /// <summary>
    /// Labels with each category's count and share, "较轻 150（57%）": a pie's or donut's legend then reads without
    /// hovering, whatever the chart writes on its slices.
    /// </summary>
    public IReadOnlyList<string> LabelsWithShares(CultureInfo? culture = null)
    {
        var total = Total;
        var format = culture ?? CultureInfo.CurrentCulture;
        var pattern = format.TwoLetterISOLanguageName == "zh" ? "{0} {1:N0}（{2:P0}）" : "{0} {1:N0} ({2:P0})";
        return [.. Labels.Select((label, i) => string.Format(format, pattern, label, Values[i], total > 0 ? Values[i] / total : 0))];
    }

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

    /// <summary>
    /// The months from the first with a registration or an exit to the last with one: a register whose data end years
    /// before today does not plot years of zeros. A flow with no movement at all stays as it is.
    /// </summary>
    public static RegisterFlow Ranged(RegisterFlow flow)
    {
        var months = flow.Months;
        var first = months.ToList().FindIndex(m => m.Registered + m.Exited > 0);
        if (first < 0) return flow;
        var last = months.ToList().FindLastIndex(m => m.Registered + m.Exited > 0);
        return flow with { Months = [.. months.Skip(first).Take(last - first + 1)] };
    }

    /// <summary>At most this many ticks on a y axis: enough to read a value, few enough to read at 12 px.</summary>
    public const int MaxYTicks = 6;

    /// <summary>Bars with their values written on them and a short y axis.</summary>
    public static BarChartOptions BarOptions { get; } = new() { ShowValues = true, MaxNumYAxisTicks = MaxYTicks };

    /// <summary>Pie slices carry their values (MudBlazor writes each slice's share).</summary>
    public static PieChartOptions PieOptions { get; } = new() { ShowValues = true };

    public static DonutChartOptions DonutOptions { get; } = new() { ShowValues = true };

    public static LineChartOptions LineOptions { get; } = new() { MaxNumYAxisTicks = MaxYTicks };

    /// <summary>Registrations and exits per month as two line series.</summary>
    public static List<ChartSeries<double>> FlowSeries(RegisterFlow flow, string registered, string exited) =>
    [
        new() { Name = registered, Data = flow.Months.Select(m => (double)m.Registered).ToArray() },
        new() { Name = exited, Data = flow.Months.Select(m => (double)m.Exited).ToArray() },
    ];
}
