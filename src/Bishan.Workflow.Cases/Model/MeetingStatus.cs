namespace Bishan.Workflow.Cases.Model;

public enum MeetingStatus
{
    /// <summary>Agenda built, waiting for the meeting.</summary>
    Scheduled,

    /// <summary>Minutes, attendance and decisions recorded.</summary>
    Held,

    /// <summary>The special report (专报) was generated.</summary>
    Reported,
}
