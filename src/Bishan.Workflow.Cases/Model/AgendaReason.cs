namespace Bishan.Workflow.Cases.Model;

/// <summary>Why a case is on a meeting's agenda; the agenda is built from live state when the meeting is scheduled.</summary>
public enum AgendaReason
{
    /// <summary>Registered since the previous meeting of the same kind.</summary>
    NewRegistration,

    /// <summary>An escalation or de-escalation approval is open.</summary>
    PendingEscalation,

    /// <summary>In the register at the severe tier.</summary>
    SevereCase,

    /// <summary>Has an open task past its due date.</summary>
    OverdueTask,

    /// <summary>An exit evaluation is under way.</summary>
    ExitCandidate,

    /// <summary>A support-plan goal is due for review by the meeting's date and was not reviewed yet.</summary>
    PlanReview,

    /// <summary>Put on a special meeting's agenda by whoever called it.</summary>
    Requested,
}
