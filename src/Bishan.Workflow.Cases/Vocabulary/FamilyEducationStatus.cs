namespace Bishan.Workflow.Cases.Vocabulary;

/// <summary>Where a family-education referral (家庭教育指导转介) stands.</summary>
public enum FamilyEducationStatus
{
    /// <summary>转介待接收: waiting for the sub-centre to accept or decline.</summary>
    Referred,

    /// <summary>指导中: accepted; the sub-centre plans and records guidance until the evaluation is due.</summary>
    Accepted,

    /// <summary>不予接收: declined with a reason; closed.</summary>
    Declined,

    /// <summary>待评估: the set number of weeks has passed; the evaluation of the change in parenting is a task.</summary>
    EvaluationDue,

    /// <summary>已评估: the change in parenting was evaluated; closed.</summary>
    Evaluated,
}
