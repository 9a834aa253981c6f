namespace Bishan.Workflow.Cases.Vocabulary;

/// <summary>Kinds of family-education guidance a sub-centre plans and records.</summary>
public enum GuidanceKind
{
    /// <summary>个别指导.</summary>
    Individual,

    /// <summary>家长课堂.</summary>
    ParentClass,

    /// <summary>入户指导.</summary>
    HomeVisit,
}
