namespace Bishan.Workflow.Cases.Coordination;

/// <summary>
/// Where an overdue task of a case escalates: the supervisors of <see cref="Supervisor"/>, one tier above the
/// case's own coordinating body.
/// </summary>
/// <param name="Supervisor">The body whose supervisors receive the escalated task.</param>
/// <param name="ReportToLeadingGroup">
/// True when there is no tier above (a severe case's task force is already the top): the task stays with the task
/// force and the overdue item goes into the special report (专报) to the leading group, because the leading group
/// reads reports and does not work tasks.
/// </param>
public sealed record EscalationTarget(CoordinatingBody Supervisor, bool ReportToLeadingGroup);
