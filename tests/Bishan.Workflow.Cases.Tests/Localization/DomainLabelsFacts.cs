using System.Globalization;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Tests.Localization;

public sealed class DomainLabelsFacts
{
    [Theory]
    [InlineData(FiveAction.DropoutPrevention, "控辍保学")]
    [InlineData(FiveAction.SpecialEducation, "专门教育")]
    [InlineData(FiveAction.CaseInvolved, "涉案帮教")]
    [InlineData(FiveAction.Unsupervised, "失管关爱")]
    [InlineData(FiveAction.MentalHealth, "心理健康关爱")]
    public void For_ReturnsGlossaryTerm_WhenCultureIsChinese(FiveAction action, string expected) =>
        Assert.Equal(expected, DomainLabels.For(action, DomainCultures.Chinese));

    [Theory]
    [InlineData(Tier.Light, "较轻")]
    [InlineData(Tier.Serious, "较重")]
    [InlineData(Tier.Severe, "严重")]
    public void For_ReturnsTierTerm_WhenCultureIsChinese(Tier tier, string expected) =>
        Assert.Equal(expected, DomainLabels.For(tier, DomainCultures.Chinese));

    [Fact]
    public void For_ReturnsEnglish_WhenCultureIsEnglish() =>
        Assert.Equal("Dropout prevention", DomainLabels.For(FiveAction.DropoutPrevention, DomainCultures.English));

    [Fact]
    public void For_FallsBackToEnglish_WhenCultureHasNoResources() =>
        Assert.Equal("Severe", DomainLabels.For(Tier.Severe, CultureInfo.GetCultureInfo("fr-FR")));

    [Fact]
    public void For_UsesCurrentUiCulture_WhenCultureIsNull()
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = DomainCultures.Chinese;
            Assert.Equal("男", DomainLabels.For(Gender.Male));
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void Find_ReturnsDistinctChineseAndEnglish_ForEveryValueOfEveryDomainEnum()
    {
        var values = Labelled<FiveAction>()
            .Concat(Labelled<Tier>())
            .Concat(Labelled<CaseStatus>())
            .Concat(Labelled<Gender>())
            .Concat(Labelled<OrgUnitKind>());

        foreach (var (name, chinese, english) in values)
        {
            Assert.False(string.IsNullOrWhiteSpace(chinese), $"{name} has no Chinese label");
            Assert.False(string.IsNullOrWhiteSpace(english), $"{name} has no English label");
            Assert.NotEqual(english, chinese);
        }
    }

    [Fact]
    public void ForRole_ReturnsChineseLabel_ForEveryRole()
    {
        foreach (var role in Roles.All)
        {
            var chinese = DomainLabels.ForRole(role, DomainCultures.Chinese);
            Assert.NotEqual(role, chinese);
        }

        Assert.Equal("帮扶责任人", DomainLabels.ForRole(Roles.Caseworker, DomainCultures.Chinese));
    }

    [Fact]
    public void ForRole_ReturnsName_WhenRoleIsUnknown() =>
        Assert.Equal("Janitor", DomainLabels.ForRole("Janitor", DomainCultures.Chinese));

    [Theory]
    [InlineData("MentalHealth", "心理健康关爱")]
    [InlineData("Severe", "严重")]
    [InlineData("SentBack", "退回补充")]
    [InlineData("NotEligible", "不符合，结案")]
    [InlineData("2", "2")]
    [InlineData("", "")]
    [InlineData("自定义", "自定义")]
    public void ForCode_GivesTheWordsForActionsTiersAndOutcomes_AndLeavesOtherTextAlone(string code, string expected) =>
        Assert.Equal(expected, DomainLabels.ForCode(code, DomainCultures.Chinese));

    [Fact]
    public void LiquidLabelFilter_WritesChinese_WhateverTheCurrentCulture()
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = DomainCultures.English;
        try
        {
            Assert.Equal(("label", "较重"), (DomainLabels.LiquidLabelFilter.Name, DomainLabels.LiquidLabelFilter.Apply("Serious")));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static IEnumerable<(string Name, string? Chinese, string? English)> Labelled<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => (
            $"{typeof(TEnum).Name}.{v}",
            DomainLabels.Find(v, DomainCultures.Chinese),
            DomainLabels.Find(v, DomainCultures.English)));
}
