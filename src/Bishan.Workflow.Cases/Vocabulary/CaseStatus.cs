namespace Bishan.Workflow.Cases.Vocabulary;

/// <summary>
/// Where a case stands in its life: referral and screening before the register, the register itself,
/// exit, and the follow-up reviews after exit. A relapse re-enters the same case (重新入库) so the history stays in one file.
/// </summary>
public enum CaseStatus
{
    /// <summary>线索/转介: reported, not yet screened.</summary>
    Referred,

    /// <summary>筛查中: a caseworker is screening the referral.</summary>
    Screening,

    /// <summary>在库: registered (入库) and being helped.</summary>
    Registered,

    /// <summary>出库评估中: exit evaluation under way.</summary>
    ExitEvaluation,

    /// <summary>已出库: exit approved (评估合格出库).</summary>
    Exited,

    /// <summary>跟踪评估中: follow-up reviews after exit are running.</summary>
    FollowUp,

    /// <summary>已结案: follow-up finished without relapse.</summary>
    Closed,

    /// <summary>不予入库: screened and found not eligible.</summary>
    Rejected,
}
