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

    [Fact]
    public void Ranged_DropsTheMonthsBeforeTheFirstAndAfterTheLastMovement()
    {
        RegisterFlowMonth M(string month, int registered, int exited) => new(month, registered, exited);
        var flow = new RegisterFlow([M("2022-11", 0, 0), M("2022-12", 3, 0), M("2023-01", 0, 0), M("2023-02", 0, 2), M("2023-03", 0, 0), M("2026-12", 0, 0)], 3, 2);

        var ranged = RegisterCharts.Ranged(flow);

        Assert.Equal(["2022-12", "2023-01", "2023-02"], ranged.Months.Select(m => m.Month));
        Assert.Equal((3, 2), (ranged.Registered, ranged.Exited));
        // A register without any movement keeps its months (an empty chart says so better than none).
        Assert.Single(RegisterCharts.Ranged(new RegisterFlow([M("2026-12", 0, 0)], 0, 0)).Months);
    }

    [Fact]
    public void Chart_PlotsOnlyTheMonthsWithData_AndSaysWhichThoseAre()
    {
        var flow = new RegisterFlow([new("2023-01", 2, 0), new("2023-02", 0, 1), new("2023-03", 0, 0), new("2023-04", 0, 0)], 2, 1);

        var chart = Render<RegisterFlowChart>(p => p.Add(x => x.Flow, flow));

        var range = chart.Find("[data-testid=flow-range]");
        Assert.Equal("2023-01", range.GetAttribute("data-first"));
        Assert.Equal("2023-02", range.GetAttribute("data-last"));
        Assert.Contains("2023-01 至 2023-02", range.TextContent);
    }
}
