namespace Bishan.Workflow.Engine.Execution;

/// <summary>A fault recorded on an instance; the instance can be retried from <see cref="NodeId"/>.</summary>
public sealed record Incident(
    string Id,
    string ActivityId,
    string NodeId,
    string ActivityType,
    string Message,
    string? Code,
    DateTime TimestampUtc);
