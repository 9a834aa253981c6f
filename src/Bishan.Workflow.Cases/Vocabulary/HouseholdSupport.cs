namespace Bishan.Workflow.Cases.Vocabulary;

/// <summary>Public support the household receives (家庭救助情况).</summary>
public enum HouseholdSupport
{
    /// <summary>无.</summary>
    None,

    /// <summary>低保 (minimum living allowance).</summary>
    MinimumLiving,

    /// <summary>特困 (extreme-poverty support).</summary>
    ExtremePoverty,

    /// <summary>残疾 (a disabled household member receives disability support).</summary>
    Disability,
}
