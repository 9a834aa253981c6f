using Bishan.Workflow.Engine.Descriptors;

namespace Bishan.Workflow.Engine.Tests.Descriptors;

public sealed class ActivityRegistryFacts
{
    private static readonly ActivityRegistry Registry = ActivityRegistry.CreateDefault();

    public static TheoryData<string> ActivityTypes() => [.. Registry.Descriptors.Select(d => d.Type).Order(StringComparer.Ordinal)];

    [Fact]
    public void EngineAssembly_EmbedsActivityStrings_UnderTheNameTheRegistryLooksFor()
    {
        var names = typeof(ActivityRegistry).Assembly.GetManifestResourceNames();

        Assert.Contains(names, n => n.EndsWith(".ActivityStrings.resources", StringComparison.Ordinal));
    }

    [Fact]
    public void CreateDefault_RegistersEveryBuiltInActivity()
    {
        string[] expected =
        [
            "Elsa.Complete", "Elsa.Cron", "Elsa.Delay", "Elsa.End", "Elsa.Event", "Elsa.Fault", "Elsa.Finish", "Elsa.FlowDecision",
            "Elsa.FlowJoin", "Elsa.FlowNode", "Elsa.Flowchart", "Elsa.Fork", "Elsa.RunJavaScript", "Elsa.SetOutput",
            "Elsa.SetVariable", "Elsa.Start", "Elsa.StartAt", "Elsa.Timer", "Elsa.WriteLine",
        ];

        Assert.Equal(expected, Registry.Descriptors.Select(d => d.Type).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ActivityTypes))]
    public void Descriptor_HasChineseAndEnglishNames_ThatDiffer(string type)
    {
        var d = Registry.Find(type)!;

        Assert.False(string.IsNullOrWhiteSpace(d.DisplayName.ZhCn));
        Assert.False(string.IsNullOrWhiteSpace(d.DisplayName.En));
        Assert.NotEqual(d.DisplayName.En, d.DisplayName.ZhCn);
        Assert.NotEqual(d.CategoryDisplayName.En, d.CategoryDisplayName.ZhCn);
        Assert.False(string.IsNullOrWhiteSpace(d.Description.ZhCn));
        Assert.False(string.IsNullOrWhiteSpace(d.Description.En));
    }

    [Theory]
    [MemberData(nameof(ActivityTypes))]
    public void Descriptor_HasTranslatedInputAndOutputNames(string type)
    {
        var d = Registry.Find(type)!;

        // The fallback is the humanized English name in both languages; a translation makes them differ.
        Assert.All(d.Inputs, i => Assert.NotEqual(i.DisplayName.En, i.DisplayName.ZhCn));
        Assert.All(d.Inputs, i => Assert.False(string.IsNullOrWhiteSpace(i.Description.ZhCn)));
        Assert.All(d.Outputs, o => Assert.NotEqual(o.DisplayName.En, o.DisplayName.ZhCn));
    }

    [Theory]
    [InlineData("Elsa.WriteLine", "输出一行", "Write Line")]
    [InlineData("Elsa.FlowDecision", "条件判断", "Decision")]
    [InlineData("Elsa.FlowJoin", "汇合", "Join")]
    [InlineData("Elsa.Delay", "延时", "Delay")]
    [InlineData("Elsa.Event", "等待事件", "Event")]
    [InlineData("Elsa.Cron", "周期定时", "Cron")]
    [InlineData("Elsa.Timer", "定时器", "Timer")]
    [InlineData("Elsa.Fork", "并行分支", "Fork")]
    [InlineData("Elsa.Fault", "故障", "Fault")]
    [InlineData("Elsa.RunJavaScript", "运行脚本", "Run JavaScript")]
    [InlineData("Elsa.SetVariable", "设置变量", "Set Variable")]
    public void Descriptor_UsesAgreedNames(string type, string chinese, string english)
    {
        var name = Registry.Find(type)!.DisplayName;

        Assert.Equal(chinese, name.For("zh-CN"));
        Assert.Equal(english, name.For("en-US"));
    }

    [Fact]
    public void Descriptor_LocalizesCategory()
    {
        var category = Registry.Find("Elsa.Delay")!.CategoryDisplayName;

        Assert.Equal("Scheduling", category.En);
        Assert.Equal("定时与事件", category.ZhCn);
    }

    [Fact]
    public void IsKnown_IsFalse_ForTypesNotRegistered()
    {
        Assert.False(Registry.IsKnown("Elsa.HttpEndpoint"));
        Assert.True(Registry.IsKnown("Elsa.WriteLine"));
    }
}
