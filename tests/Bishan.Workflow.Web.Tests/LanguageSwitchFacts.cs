using Microsoft.AspNetCore.Components.Web;
using System.Globalization;
using Bishan.Workflow.Web.Components.Layout;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace Bishan.Workflow.Web.Tests;

public sealed class LanguageSwitchFacts : UiTestContext
{
    [Fact]
    public async Task ClickEnglish_ReloadsThroughTheCultureEndpoint_WithTheCurrentPageAsReturnUrl()
    {
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        navigation.NavigateTo("/instances?page=2");
        var languageSwitch = Render<LanguageSwitch>();

        await languageSwitch.Find("button[data-culture=en]").ClickAsync(new MouseEventArgs());

        // History is newest first.
        var entry = navigation.History.First();
        Assert.Equal("/culture?culture=en&returnUrl=%2Finstances%3Fpage%3D2", entry.Uri);
        Assert.True(entry.Options.ForceLoad, "a circuit keeps its culture: the switch must reload the page");
    }

    [Fact]
    public void Render_DisablesTheCurrentLanguage()
    {
        var languageSwitch = Render<LanguageSwitch>(p => p.Add(c => c.Current, CultureInfo.GetCultureInfo("en")));

        Assert.True(languageSwitch.Find("button[data-culture=en]").HasAttribute("disabled"));
        Assert.False(languageSwitch.Find("button[data-culture=zh-CN]").HasAttribute("disabled"));
        Assert.Equal("中文", languageSwitch.Find("button[data-culture=zh-CN]").TextContent.Trim());
        Assert.Equal("English", languageSwitch.Find("button[data-culture=en]").TextContent.Trim());
    }
}
