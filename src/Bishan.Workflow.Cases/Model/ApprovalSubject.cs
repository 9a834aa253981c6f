namespace Bishan.Workflow.Cases.Model;

/// <summary>What an approval decides; the gates look for approved records of the right subject.</summary>
public enum ApprovalSubject
{
    Registration,
    Escalation,
    Deescalation,
    Exit,
    Subsidy,
}
