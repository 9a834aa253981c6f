namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// A task-force meeting (周会商 or 月度专题会). It is known to its workflow by the instance that scheduled it
/// (<see cref="InstanceId"/>), because later steps of that instance (minutes, report) only know their own instance.
/// </summary>
public sealed class Meeting
{
    public string Id { get; set; } = "";
    public MeetingKind Kind { get; set; }
    public string Topic { get; set; } = "";
    public DateTime ScheduledAtUtc { get; set; }

    /// <summary>The scheduling workflow instance; null for meetings entered by hand or loaded as demo data.</summary>
    public string? InstanceId { get; set; }

    public MeetingStatus Status { get; set; }

    /// <summary>Where it is held (special meetings); null for the weekly and monthly ones.</summary>
    public string? Place { get; set; }

    /// <summary>Who called a special meeting.</summary>
    public string? CalledByUserId { get; set; }
    public string? Minutes { get; set; }
    public string? Attendance { get; set; }
    public DateTime? HeldAtUtc { get; set; }

    public string? ReportTitle { get; set; }

    /// <summary>The special report (专报) text, generated from the meeting and the register figures.</summary>
    public string? ReportText { get; set; }

    public string? ReportRecipients { get; set; }
    public DateTime? ReportGeneratedAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    public List<MeetingAgendaItem> AgendaItems { get; set; } = [];
    public List<MeetingDecision> Decisions { get; set; } = [];
    public List<MeetingAttendee> Attendees { get; set; } = [];
}
