using System.Globalization;
using Bishan.Workflow.Cases.Statistics.GetRegisterFlow;
using Bishan.Workflow.Web.Components.Cases;

namespace Bishan.Workflow.Web.Tests;

/// <summary>The in/out chart: two series month by month, thinned labels that always name the current month, the totals.</summary>
public sealed class RegisterFlowChartFacts : UiTestContext
{
    private static RegisterFlow Flow(int months) =>
        new([.. Enumerable.Range(0, months).Select(i => new RegisterFlowMonth(new DateOnly(2023, 1, 1).AddMonths(i).ToString("yyyy-MM", CultureInfo.InvariantCulture), i, i % 3))],
            Enumerable.Range(0, months).Sum(), Enumerable.Range(0, months).Sum(i => i % 3));

    [Fact]
    public void Series_AreRegistrationsThenExits_MonthByMonth()
    {
        var series = RegisterCharts.FlowSeries(Flow(4), "入库", "出库");

        Assert.Equal(["入库", "出库"], series.Select(s => s.Name));
        Assert.Equal([0d, 1d, 2d, 3d], series[0].Data.ToArray());
        Assert.Equal([0d, 1d, 2d, 0d], series[1].Data.ToArray());
    }

    [Fact]
    public void Labels_AreThinnedOnLongRanges_AndAlwaysNameTheCurrentMonth()
    {
        Assert.Equal(["2023-01", "2023-02", "2023-03"], RegisterCharts.FlowLabels(Flow(3)));

        var labels = RegisterCharts.FlowLabels(Flow(40));
        Assert.Equal(40, labels.Length);
        Assert.Equal("2026-04", labels[^1]);
        Assert.InRange(labels.Count(l => l.Length > 0), 10, 12);
    }

    [Fact]
    public void Chart_ShowsTheTotals_InChinese()
    {
        var chart = Render<RegisterFlowChart>(p => p.Add(x => x.Flow, Flow(6)));

        Assert.Equal("15", chart.Find("[data-testid=chart-flow]").GetAttribute("data-registered"));
        Assert.Contains("入库 15 人 · 出库 6 人", chart.Markup);
        Assert.Contains("入库与出库趋势", chart.Markup);
    }
}
