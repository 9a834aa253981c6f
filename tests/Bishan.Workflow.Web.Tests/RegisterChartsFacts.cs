using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Statistics;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Web.Components.Cases;

namespace Bishan.Workflow.Web.Tests;

/// <summary>The register's figures as chart data: fixed category order, zeros kept, labels in the user's language.</summary>
public sealed class RegisterChartsFacts : UiTestContext
{
    private static readonly RegisterFigures Figures = new(
        476, 211, 265,
        new Dictionary<FiveAction, int>
        {
            [FiveAction.DropoutPrevention] = 52, [FiveAction.SpecialEducation] = 4, [FiveAction.CaseInvolved] = 36,
            [FiveAction.Unsupervised] = 73, [FiveAction.MentalHealth] = 311,
        },
        new Dictionary<Tier, int> { [Tier.Severe] = 20, [Tier.Light] = 200 },
        new Dictionary<string, int> { ["zz-unknown"] = 1 },
        2, 3);

    [Fact]
    public void ByAction_FollowsTheProgrammesOrder_WithChineseLabels()
    {
        var bars = RegisterCharts.ByAction(Figures);

        Assert.Equal(["控辍保学", "专门教育", "涉案帮教", "失管关爱", "心理健康关爱"], bars.Labels);
        Assert.Equal([52d, 4d, 36d, 73d, 311d], bars.Values);
        Assert.Equal(476, bars.Total);
    }

    [Fact]
    public void ByTier_KeepsTiersWithoutCases_AsZero()
    {
        var bars = RegisterCharts.ByTier(Figures);

        Assert.Equal(["较轻", "较重", "严重"], bars.Labels);
        Assert.Equal([200d, 0d, 20d], bars.Values);
    }

    [Fact]
    public void ByArea_ListsTheFourAreas_ThenUnknownOnes()
    {
        var bars = RegisterCharts.ByArea(Figures, OrgUnitSeed.Tree);

        Assert.Equal(5, bars.Labels.Count);
        Assert.All(bars.Labels.Take(4), label => Assert.Contains("片区", label));
        Assert.Equal("zz-unknown", bars.Labels[4]);
        Assert.Equal([0d, 0d, 0d, 0d, 1d], bars.Values);
    }

    [Fact]
    public void Series_IsOneNamedChartSeries_WithTheValues()
    {
        var series = Assert.Single(RegisterCharts.ByAction(Figures).Series("人数"));

        Assert.Equal("人数", series.Name);
        Assert.Equal([52d, 4d, 36d, 73d, 311d], series.Data.Values);
    }

    [Fact]
    public void ByAction_SpeaksEnglish_WhenTheUiDoes()
    {
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");

        Assert.Equal("Mental-health care", RegisterCharts.ByAction(Figures).Labels[4]);
    }

    [Fact]
    public void LabelsWithShares_GiveEachSliceItsCountAndPercentage()
    {
        var bars = new ChartBars(["较轻", "较重", "严重"], [150, 75, 25]);

        Assert.Equal(["较轻 150（60%）", "较重 75（30%）", "严重 25（10%）"], bars.LabelsWithShares(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal("Light 150 (100%)", new ChartBars(["Light"], [150]).LabelsWithShares(System.Globalization.CultureInfo.GetCultureInfo("en"))[0]);
    }
}
