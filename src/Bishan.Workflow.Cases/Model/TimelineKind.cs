namespace Bishan.Workflow.Cases.Model;

/// <summary>What a timeline line records, so the UI can pick an icon and filter without parsing text.</summary>
public enum TimelineKind
{
    Referred,
    StatusChanged,
    Registered,
    TierChanged,
    Exited,
    Reentered,
    Closed,
    Approval,
    TaskCreated,
    TaskCompleted,
    TaskOverdue,
    Meeting,
    Decision,
    HelpRecord,
    Evaluation,
    Subsidy,
    Helper,
    Plan,
    Note,
}
