using System.Text;
using System.Text.Json;
using Bishan.Workflow.Cases.ExitCriteria;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.Extensions.Configuration;

namespace Bishan.Workflow.Cases.Tests.ExitCriteria;

public sealed class ExitCriteriaCatalogFacts
{
    private const string Override = """
        {
          "ExitCriteria": {
            "Actions": {
              "MentalHealth": [
                { "Id": "mh-a", "TextZh": "经心理评估状况稳定", "TextEn": "Assessed as stable" },
                { "Id": "mh-b", "TextZh": "家长签署知情书", "TextEn": "Parents signed the notice" }
              ]
            }
          }
        }
        """;

    [Fact]
    public void Default_GivesEveryActionAChecklist_WhenBuilt()
    {
        foreach (var action in Enum.GetValues<FiveAction>())
        {
            Assert.InRange(ExitCriteriaCatalog.Default.For(action).Count, 3, 8);
        }
    }

    [Fact]
    public void Default_HasIdsUniqueAcrossTheCatalog_WhenBuilt()
    {
        var ids = Enum.GetValues<FiveAction>().SelectMany(a => ExitCriteriaCatalog.Default.For(a)).Select(c => c.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Default_StartsDropoutPreventionWithTheFullTermItem_WhenBuilt() =>
        Assert.Equal("连续在校就读满一学期、无辍学倾向", ExitCriteriaCatalog.Default.For(FiveAction.DropoutPrevention)[0].TextZh);

    [Fact]
    public void Text_PicksTheLanguage_ForTheCulture()
    {
        var criterion = ExitCriteriaCatalog.Default.For(FiveAction.DropoutPrevention)[0];

        Assert.Equal(criterion.TextZh, criterion.Text(DomainCultures.Chinese));
        Assert.Equal(criterion.TextEn, criterion.Text(DomainCultures.English));
    }

    [Fact]
    public void FromOptions_ReplacesOnlyTheConfiguredAction_WhenBoundFromConfiguration()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Override)))
            .Build();
        var options = configuration.GetSection(ExitCriteriaOptions.SectionName).Get<ExitCriteriaOptions>();

        var catalog = ExitCriteriaCatalog.FromOptions(options);

        Assert.Equal(["mh-a", "mh-b"], catalog.For(FiveAction.MentalHealth).Select(c => c.Id));
        Assert.Equal("家长签署知情书", catalog.For(FiveAction.MentalHealth)[1].TextZh);
        Assert.Equal(ExitCriteriaCatalog.Default.For(FiveAction.Unsupervised), catalog.For(FiveAction.Unsupervised));
    }

    [Fact]
    public void FromOptions_ReplacesTheConfiguredAction_WhenDeserialisedWithSystemTextJson()
    {
        using var document = JsonDocument.Parse(Override);
        var options = document.RootElement.GetProperty(ExitCriteriaOptions.SectionName).Deserialize<ExitCriteriaOptions>();

        var catalog = ExitCriteriaCatalog.FromOptions(options);

        Assert.Equal(["mh-a", "mh-b"], catalog.For(FiveAction.MentalHealth).Select(c => c.Id));
    }

    [Fact]
    public void FromOptions_ReturnsTheDefaults_WhenNothingIsConfigured()
    {
        Assert.Same(ExitCriteriaCatalog.Default, ExitCriteriaCatalog.FromOptions(null));
        Assert.Same(ExitCriteriaCatalog.Default, ExitCriteriaCatalog.FromOptions(new ExitCriteriaOptions()));
    }

    [Fact]
    public void FromOptions_Throws_WhenAConfiguredIdRepeats()
    {
        var options = new ExitCriteriaOptions
        {
            Actions = { [FiveAction.Unsupervised] = [new("x", "甲", "A"), new("x", "乙", "B")] },
        };

        var error = Assert.Throws<ArgumentException>(() => ExitCriteriaCatalog.FromOptions(options));
        Assert.Contains("'x'", error.Message);
    }

    [Fact]
    public void FromOptions_Throws_WhenAConfiguredTextIsBlank()
    {
        var options = new ExitCriteriaOptions
        {
            Actions = { [FiveAction.Unsupervised] = [new("x", "甲", " ")] },
        };

        Assert.Throws<ArgumentException>(() => ExitCriteriaCatalog.FromOptions(options));
    }

    [Fact]
    public void Constructor_Throws_WhenAnActionIsMissing()
    {
        var partial = ExitCriteriaDefaults.All.Where(p => p.Key != FiveAction.SpecialEducation).ToDictionary();

        var error = Assert.Throws<ArgumentException>(() => new ExitCriteriaCatalog(partial));
        Assert.Contains(nameof(FiveAction.SpecialEducation), error.Message);
    }
}
