using System.Text.Json.Nodes;

namespace Bishan.Workflow.Engine.Execution;

/// <summary>
/// A point where an instance waits. Timers are bookmarks with an absolute <see cref="ResumeAtUtc"/>;
/// events match on <see cref="Name"/> + <see cref="Key"/> (+ correlation id).
/// </summary>
public sealed record Bookmark
{
    public required string Id { get; init; }
    public required string ContextId { get; init; }
    public required string NodeId { get; init; }
    public required string ActivityId { get; init; }
    public required string ActivityType { get; init; }

    /// <summary>The stimulus name, e.g. <c>Elsa.Event</c>, <c>Elsa.Delay</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Stimulus key, e.g. the event name; null when the bookmark is resumed by id only.</summary>
    public string? Key { get; init; }
    public string? CorrelationId { get; init; }
    public DateTime? ResumeAtUtc { get; init; }
    public JsonObject? Payload { get; init; }
    public DateTime CreatedAtUtc { get; init; }
}
