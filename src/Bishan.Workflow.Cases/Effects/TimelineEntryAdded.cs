namespace Bishan.Workflow.Cases.Effects;

/// <summary>Effect of <c>Bishan.AddTimelineEntry</c>: a line on the case's timeline, written by the workflow.</summary>
public sealed record TimelineEntryAdded(string CaseId, string InstanceId, string Text, DateTime AtUtc);
