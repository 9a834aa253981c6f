namespace Bishan.Workflow.Cases.Vocabulary;

/// <summary>The evaluated change in parenting after a family's guidance (家庭教育成效评估).</summary>
public enum ParentingChange
{
    /// <summary>明显改善.</summary>
    Improved,

    /// <summary>有所改善.</summary>
    PartlyImproved,

    /// <summary>无明显改善.</summary>
    NotImproved,
}
