namespace Bishan.Workflow.Cases.Vocabulary;

/// <summary>
/// Severity tier (程度). The tier decides who coordinates the help (统筹主体), so the values are
/// ordered from least to most severe and comparisons such as <c>tier &gt; Tier.Light</c> are meaningful.
/// </summary>
public enum Tier
{
    /// <summary>较轻: the area education-management centre coordinates.</summary>
    Light = 1,

    /// <summary>较重: the action's lead department coordinates.</summary>
    Serious = 2,

    /// <summary>严重: the district task force coordinates.</summary>
    Severe = 3,
}
