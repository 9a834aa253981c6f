namespace Bishan.Workflow.Cases.Effects;

/// <summary>
/// Effect of <c>Bishan.ReenterCase</c> (重新入库): a relapse after exit reopens the same file. Nothing is
/// deleted: registrations, plans, help records, evaluations and the timeline stay; the host opens a new
/// register period and sets the status to Screening. The registration itself then goes through case-intake's
/// approval gate again (<see cref="CaseRegistered"/>).
/// </summary>
public sealed record CaseReentered(string CaseId, string InstanceId, string Reason, DateTime AtUtc);
