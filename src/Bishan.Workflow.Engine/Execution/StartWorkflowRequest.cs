using System.Text.Json.Nodes;

namespace Bishan.Workflow.Engine.Execution;

/// <summary>How to start an instance. <see cref="TriggerNodeId"/> names the trigger activity that completes at once.</summary>
public sealed record StartWorkflowRequest
{
    public string? InstanceId { get; init; }
    public string? CorrelationId { get; init; }
    public IReadOnlyDictionary<string, JsonNode?>? Input { get; init; }
    public string? TriggerNodeId { get; init; }
    public JsonNode? TriggerInput { get; init; }
}
