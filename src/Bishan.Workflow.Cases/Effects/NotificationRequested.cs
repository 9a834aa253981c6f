namespace Bishan.Workflow.Cases.Effects;

/// <summary>
/// Effect of <c>Bishan.Notify</c>: an in-app notification. <see cref="Recipient"/> is a rule like a task's
/// assignee (<c>case.caseworker</c>, <c>case.coordinator</c>, <c>role:Secretary@task-force</c>,
/// <c>meeting.attendees</c>, <c>user:zhangsan</c>) that the host resolves when it applies the effect.
/// <see cref="CaseId"/> is null for notifications that are not about one case (meeting reminders).
/// </summary>
public sealed record NotificationRequested(string? CaseId, string InstanceId, string Recipient, string Title, string Message, DateTime AtUtc);
