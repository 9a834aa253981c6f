using System.Globalization;
using System.Resources;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Web.Ui;

namespace Bishan.Workflow.Web.Tests;

/// <summary>Every visible string exists in both languages, and every key the code builds at run time exists.</summary>
public sealed class UiTextFacts
{
    private static readonly ResourceManager Resources = new("Bishan.Workflow.Web.Resources.Ui.UiText", typeof(UiText).Assembly);

    private static Dictionary<string, string> Read(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Fact]
    public void EnglishAndChinese_HaveTheSameKeys_AndNoEmptyValues()
    {
        var english = Read(CultureInfo.InvariantCulture);
        var chinese = Read(CultureInfo.GetCultureInfo("zh-CN"));

        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), chinese.Keys.Order(StringComparer.Ordinal));
        Assert.All(english.Concat(chinese), e => Assert.False(string.IsNullOrWhiteSpace(e.Value), e.Key));
    }

    [Fact]
    public void KeysBuiltAtRunTime_AllExist()
    {
        var english = Read(CultureInfo.InvariantCulture);
        var keys = NavItems.All.Select(i => i.TextKey)
            .Concat(Enum.GetNames<WorkflowSubStatus>().Select(s => $"Status.{s}"))
            .Concat(typeof(JournalEvents).GetFields().Select(f => $"JournalEvent.{f.GetValue(null)}"))
            .Concat(CultureSwitch.Supported.Select(c => $"Language.{c.Name}"));

        Assert.All(keys, key => Assert.True(english.ContainsKey(key), $"missing resource key {key}"));
    }

    [Fact]
    public void ProductName_IsTheProgrammesChineseName_InChinese()
    {
        Assert.Equal("璧山区“五项行动”协同平台", Resources.GetString("App.ProductName", CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal("Bishan Five Actions", Resources.GetString("App.ProductName", CultureInfo.GetCultureInfo("en")));
    }
}
