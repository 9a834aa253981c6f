namespace Bishan.Workflow.Cases.Tasks;

/// <summary>Effect: a task passed its due date; notify the assignee and escalate one tier up.</summary>
public sealed record TaskOverdue(string InstanceId, string NodeId, string? CaseId);
