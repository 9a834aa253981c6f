using System.Globalization;
using System.Reflection;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Web.Components.Shared;
using Bishan.Workflow.Web.Ui;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Bishan.Workflow.Web.Tests;

public sealed class ShellLogicFacts
{
    [Theory]
    [InlineData("/instances?page=2", "/instances?page=2")]
    [InlineData("/", "/")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void LocalUrl_KeepsAppRelativePathsOnly(string? url, string expected) =>
        Assert.Equal(expected, LocalUrl.OrRoot(url));

    [Fact]
    public void CultureSwitch_AcceptsOnlyTheTwoUiCultures()
    {
        Assert.Equal("zh-CN", CultureSwitch.Find("zh-cn")!.Name);
        Assert.Equal("en", CultureSwitch.Find("en")!.Name);
        Assert.Null(CultureSwitch.Find("fr"));
        Assert.Null(CultureSwitch.Find(null));
        Assert.Equal("zh-CN", CultureSwitch.Supported[0].Name);
    }

    [Fact]
    public void EveryInternalNavLink_LeadsToARoutablePage()
    {
        var routes = typeof(UiText).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(NavItems.All.Where(i => !i.External), item => Assert.Contains(item.Href, routes));
    }

    [Fact]
    public void DisplayTime_ShowsBishanLocalTime_InTheUsersCulture()
    {
        var utc = new DateTime(2026, 3, 1, 1, 30, 0, DateTimeKind.Utc);

        // 01:30 UTC is 09:30 in Bishan; the exact short-time pattern (9:30 or 09:30) is ICU's business.
        var chinese = DisplayTime.Format(utc, CultureInfo.GetCultureInfo("zh-CN"));
        var english = DisplayTime.Format(utc, CultureInfo.GetCultureInfo("en"));
        Assert.StartsWith("2026/3/1 ", chinese);
        Assert.EndsWith("9:30", chinese);
        Assert.StartsWith("3/1/2026", english);
        Assert.EndsWith("9:30 AM", english.Replace('\u202f', ' '));
        Assert.Equal("", DisplayTime.Format((DateTime?)null, CultureInfo.GetCultureInfo("en")));
    }

    [Theory]
    [InlineData(WorkflowSubStatus.Faulted, Color.Error)]
    [InlineData(WorkflowSubStatus.Finished, Color.Success)]
    [InlineData(WorkflowSubStatus.Suspended, Color.Info)]
    [InlineData(WorkflowSubStatus.Cancelled, Color.Dark)]
    public void StatusChip_ColoursFaultsAsErrors_AndWaitingAsNormal(WorkflowSubStatus status, Color expected) =>
        Assert.Equal(expected, StatusChip.ColorOf(status));
}
