namespace Bishan.Workflow.Cases.Model;

public enum EvaluationKind
{
    /// <summary>筛查: at referral.</summary>
    Screening,

    /// <summary>出库评估: the exit checklist and team evaluation.</summary>
    Exit,

    /// <summary>跟踪评估: a review after exit.</summary>
    FollowUp,
}
