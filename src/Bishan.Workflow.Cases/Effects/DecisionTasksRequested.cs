namespace Bishan.Workflow.Cases.Effects;

/// <summary>
/// Effect of <c>Bishan.CreateDecisionTasks</c>: the minutes of the meeting scheduled by the same instance are
/// stored, and each decision about a case becomes a task on that case for <see cref="Assignee"/> (resolved per
/// case), due at <see cref="DueAtUtc"/>. Decisions without a case are kept in the minutes only.
/// </summary>
public sealed record DecisionTasksRequested(
    string InstanceId,
    string? Minutes,
    string? Attendance,
    IReadOnlyList<MeetingDecision> Decisions,
    string Assignee,
    DateTime? DueAtUtc,
    DateTime AtUtc);
