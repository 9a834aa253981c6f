namespace Bishan.Workflow.Cases.Vocabulary;

/// <summary>
/// The kinds of incident (事件) the outcome indicators count: the source's three headline results (Jan–Sep year on year:
/// minors' crime rate, minors' suicide attempts, abnormal deaths of minors).
/// </summary>
public enum IncidentKind
{
    /// <summary>未成年人违法犯罪: an offence by a minor; the indicator the source gives as a rate (犯罪率).</summary>
    Offence,

    /// <summary>未成年人轻生: a suicide attempt by a minor; the source gives the count (轻生人数).</summary>
    SuicideAttempt,

    /// <summary>未成年人非正常死亡: an abnormal death of a minor; the source gives the count (非正常死亡人数).</summary>
    AbnormalDeath,
}
