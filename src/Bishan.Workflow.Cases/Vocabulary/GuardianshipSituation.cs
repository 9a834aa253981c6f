namespace Bishan.Workflow.Cases.Vocabulary;

/// <summary>The minor's guardianship situation (监护状况).</summary>
public enum GuardianshipSituation
{
    /// <summary>父母均外出务工 (留守).</summary>
    BothParentsAway,

    /// <summary>父母一方外出务工.</summary>
    OneParentAway,

    /// <summary>父母离异.</summary>
    ParentsDivorced,

    /// <summary>监护人无监护能力.</summary>
    GuardianUnable,

    /// <summary>事实无人抚养.</summary>
    DeFactoUnsupervised,

    /// <summary>其他.</summary>
    Other,

    /// <summary>父母在家监护: no guardianship problem (most files outside 失管关爱).</summary>
    ParentsAtHome,
}
