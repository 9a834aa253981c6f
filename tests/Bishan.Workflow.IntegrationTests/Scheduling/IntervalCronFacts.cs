using System.Globalization;
using Bishan.Workflow.Infrastructure.Scheduling;

namespace Bishan.Workflow.IntegrationTests.Scheduling;

public sealed class IntervalCronFacts
{
    [Theory]
    [InlineData("00:00:01", "* * * * * *")]
    [InlineData("00:00:15", "*/15 * * * * *")]
    [InlineData("00:01:00", "0 * * * * *")]
    [InlineData("00:20:00", "0 */20 * * * *")]
    [InlineData("01:00:00", "0 0 * * * *")]
    [InlineData("06:00:00", "0 0 */6 * * *")]
    [InlineData("1.00:00:00", "0 0 0 * * *")]
    public void ToCron_ReturnsSixFieldExpression_WhenIntervalDividesItsUnit(string interval, string expected) =>
        Assert.Equal(expected, IntervalCron.ToCron(TimeSpan.Parse(interval, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("00:00:07")]
    [InlineData("00:01:30")]
    [InlineData("00:07:00")]
    [InlineData("05:00:00")]
    [InlineData("2.00:00:00")]
    [InlineData("00:00:00.500")]
    public void ToCron_ReturnsNull_WhenIntervalHasNoCronForm(string interval) =>
        Assert.Null(IntervalCron.ToCron(TimeSpan.Parse(interval, CultureInfo.InvariantCulture)));

    [Fact]
    public void Sanitize_ReplacesNodeIdSeparators()
    {
        Assert.Equal("workflow-trigger:def_1:flow1_cron1", TriggerJobIds.Recurring("def 1", "flow1:cron1"));
    }
}
