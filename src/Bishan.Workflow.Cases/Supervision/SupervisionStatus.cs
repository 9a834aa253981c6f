namespace Bishan.Workflow.Cases.Supervision;

/// <summary>Where a supervision notice (督办) stands, read from the tasks of its `supervision` workflow instance.</summary>
public enum SupervisionStatus
{
    /// <summary>Issued; the unit has not answered yet (待整改答复).</summary>
    Issued,

    /// <summary>The unit answered; 督查办 has to sign off or return it (待审核).</summary>
    Answered,

    /// <summary>督查办 returned the answer; the unit answers again (已退回).</summary>
    Returned,

    /// <summary>督查办 signed the rectification off (已销号).</summary>
    SignedOff,
}
