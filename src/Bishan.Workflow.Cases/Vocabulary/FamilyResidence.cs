namespace Bishan.Workflow.Cases.Vocabulary;

/// <summary>Where a family member lives or works, as the guardianship questions need it: near the minor or away.</summary>
public enum FamilyResidence
{
    /// <summary>在璧山.</summary>
    InBishan,

    /// <summary>重庆市内其他区县.</summary>
    ElsewhereInChongqing,

    /// <summary>重庆市外 (the city is named).</summary>
    OutsideChongqing,
}
