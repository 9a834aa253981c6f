using System.Globalization;
using Bishan.Workflow.Cases.Workflow;

namespace Bishan.Workflow.Cases.Tests.Localization;

/// <summary>Dates written into stored text (notifications, the special report) read as the pages' dates do, not as ISO.</summary>
public sealed class CaseTextsFacts
{
    [Fact]
    public void LocalTime_WritesShanghaiTime_InTheChineseShortFormat()
    {
        var utc = new DateTime(2026, 11, 20, 1, 30, 0, DateTimeKind.Utc);

        var text = CaseTexts.LocalTime(utc);

        Assert.Equal(new DateTime(2026, 11, 20, 9, 30, 0).ToString("g", CultureInfo.GetCultureInfo("zh-CN")), text);
        Assert.StartsWith("2026/11/20", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-11-20", text, StringComparison.Ordinal);
    }
}
