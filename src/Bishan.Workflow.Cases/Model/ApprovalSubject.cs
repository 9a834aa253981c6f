namespace Bishan.Workflow.Cases.Model;

/// <summary>What an approval decides; the gates look for approved records of the right subject.</summary>
public enum ApprovalSubject
{
    Registration,
    Escalation,
    Deescalation,
    Exit,
    Subsidy,

    /// <summary>The task-force head's sign-off of a special report (专报).</summary>
    SpecialReport,
}
