namespace Bishan.Workflow.Cases.Vocabulary;

/// <summary>Moves between tiers, so escalation rules never do arithmetic on the enum themselves.</summary>
public static class TierExtensions
{
    /// <summary>The next more severe tier, or <c>null</c> for <see cref="Tier.Severe"/>, which has nothing above it.</summary>
    public static Tier? OneUp(this Tier tier) => tier switch
    {
        Tier.Light => Tier.Serious,
        Tier.Serious => Tier.Severe,
        Tier.Severe => null,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
    };

    /// <summary>The next less severe tier, or <c>null</c> for <see cref="Tier.Light"/>.</summary>
    public static Tier? OneDown(this Tier tier) => tier switch
    {
        Tier.Light => null,
        Tier.Serious => Tier.Light,
        Tier.Severe => Tier.Serious,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
    };
}
