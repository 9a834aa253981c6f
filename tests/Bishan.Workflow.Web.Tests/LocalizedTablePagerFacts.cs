using Bishan.Workflow.Web.Components.Shared;
using Bishan.Workflow.Web.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Bishan.Workflow.Web.Tests;

/// <summary>The tables' pager summary reads in the user's language (MudBlazor's own is "1-25 of 109" in every culture).</summary>
public sealed class LocalizedTablePagerFactsInChinese : UiTestContext
{
    public LocalizedTablePagerFactsInChinese() : base("zh-CN") =>
        Services.AddTransient<MudLocalizer, UiMudLocalizer>();

    [Fact]
    public void Pager_ShowsTheRangeInChinese()
    {
        var table = LocalizedTablePagerFacts.RenderTable(this);

        Assert.Contains("第 1–25 条，共 60 条", table.Markup);
        Assert.DoesNotContain(" of ", table.Markup);
    }

    [Fact]
    public void PagerButtons_AreLabelledInChinese()
    {
        var table = LocalizedTablePagerFacts.RenderTable(this);

        var labels = table.FindAll(".mud-table-pagination-actions button").Select(b => b.GetAttribute("aria-label")).ToList();
        Assert.Equal(["第一页", "上一页", "下一页", "最后一页"], labels);
    }
}

public sealed class LocalizedTablePagerFactsInEnglish() : UiTestContext("en")
{
    [Fact]
    public void Pager_ShowsTheRangeInEnglish()
    {
        var table = LocalizedTablePagerFacts.RenderTable(this);

        Assert.Contains("1–25 of 60", table.Markup);
    }
}

internal static class LocalizedTablePagerFacts
{
    /// <summary>A 60-row table, 25 rows a page, with the pager the pages use.</summary>
    public static IRenderedComponent<MudTable<int>> RenderTable(BunitContext context) =>
        context.Render<MudTable<int>>(p => p
            .Add(t => t.Items, Enumerable.Range(1, 60).ToList())
            .Add(t => t.RowsPerPage, 25)
            .Add(t => t.RowTemplate, (RenderFragment<int>)(row => builder => builder.AddContent(0, row)))
            .Add(t => t.PagerContent, (RenderFragment)(builder =>
            {
                builder.OpenComponent<LocalizedTablePager>(0);
                builder.CloseComponent();
            })));
}
