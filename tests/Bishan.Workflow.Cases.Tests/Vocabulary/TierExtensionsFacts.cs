using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Tests.Vocabulary;

public sealed class TierExtensionsFacts
{
    [Theory]
    [InlineData(Tier.Light, Tier.Serious)]
    [InlineData(Tier.Serious, Tier.Severe)]
    [InlineData(Tier.Severe, null)]
    public void OneUp_ReturnsNextMoreSevereTier_WhenThereIsOne(Tier tier, Tier? expected) =>
        Assert.Equal(expected, tier.OneUp());

    [Theory]
    [InlineData(Tier.Severe, Tier.Serious)]
    [InlineData(Tier.Serious, Tier.Light)]
    [InlineData(Tier.Light, null)]
    public void OneDown_ReturnsNextLessSevereTier_WhenThereIsOne(Tier tier, Tier? expected) =>
        Assert.Equal(expected, tier.OneDown());

    [Fact]
    public void Tiers_AreOrderedBySeverity_WhenCompared() =>
        Assert.True(Tier.Light < Tier.Serious && Tier.Serious < Tier.Severe);
}
