namespace Bishan.Workflow.Cases.Effects;

/// <summary>
/// Effect of <c>Bishan.BuildMeetingAgenda</c>: the host creates a meeting of <see cref="Kind"/> (Weekly 周会商 or
/// Monthly 月度专题会) at <see cref="ScheduledAtUtc"/> and builds its agenda from live state when it applies
/// the effect: new registrations, pending escalations, severe cases, overdue tasks, exit candidates.
/// The meeting is identified by the workflow instance that scheduled it (<see cref="InstanceId"/>); later
/// effects of the same instance (<see cref="DecisionTasksRequested"/>, <see cref="SpecialReportRequested"/>)
/// refer to it that way.
/// </summary>
public sealed record MeetingScheduled(string InstanceId, string Kind, string Topic, DateTime ScheduledAtUtc, DateTime AtUtc);
