using System.Globalization;
using System.Resources;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Web.Components.Pages;
using Bishan.Workflow.Web.Ui;

namespace Bishan.Workflow.Web.Tests;

/// <summary>The meeting pages' keys built at run time exist in both languages; the report link is the API's download.</summary>
public sealed class MeetingPagesTextFacts
{
    private static readonly ResourceManager Resources = new("Bishan.Workflow.Web.Resources.Ui.UiText", typeof(UiText).Assembly);

    [Fact]
    public void MeetingStatuses_HaveTextInBothLanguages()
    {
        foreach (var culture in new[] { CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("zh-CN") })
            Assert.All(Enum.GetNames<MeetingStatus>(), s =>
                Assert.False(string.IsNullOrWhiteSpace(Resources.GetString($"MeetingStatus.{s}", culture)), $"{s} ({culture.Name})"));
    }

    [Fact]
    public void ReportUrl_IsTheApiDownload_WithTheIdEscaped()
    {
        Assert.Equal("/api/meetings/demo-weekly-20231016/report", MeetingPage.ReportUrl("demo-weekly-20231016"));
        Assert.Equal("/api/meetings/a%2Fb/report", MeetingPage.ReportUrl("a/b"));
    }
}
