namespace Bishan.Workflow.Cases.Vocabulary;

/// <summary>
/// The five actions (五项行动) a minor can be registered under. A case has one primary action;
/// overlapping problems are kept as tags, because the source counts every minor once, by primary action.
/// </summary>
public enum FiveAction
{
    /// <summary>控辍保学: keeping school-age children in school. Led by the Education Commission.</summary>
    DropoutPrevention,

    /// <summary>专门教育: special (correctional) education. Led by the Education Commission.</summary>
    SpecialEducation,

    /// <summary>涉案帮教: help for minors involved in cases. Coordinated by the Political-Legal Committee, carried out by the Youth League.</summary>
    CaseInvolved,

    /// <summary>失管关爱: care for unsupervised minors. Led by the Civil Affairs Bureau.</summary>
    Unsupervised,

    /// <summary>心理健康关爱: mental-health care. Led by the Health Commission.</summary>
    MentalHealth,
}
