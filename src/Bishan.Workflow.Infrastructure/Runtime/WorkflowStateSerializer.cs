using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>
/// JSON for stored state. Enums as strings (readable, stable when enums are reordered). No reference
/// handling: a variable value may contain a "$id" key of its own and it must come back unchanged.
/// </summary>
internal static class WorkflowStateSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(WorkflowState state) => JsonSerializer.Serialize(state, WorkflowStateJsonContext.Default.WorkflowState);

    public static WorkflowState Deserialize(string json) =>
        JsonSerializer.Deserialize(json, WorkflowStateJsonContext.Default.WorkflowState)
        ?? throw new InvalidOperationException("Stored workflow state is empty.");

    /// <summary>Outputs and variables by name.</summary>
    public static string Serialize(Dictionary<string, JsonNode?> values) =>
        JsonSerializer.Serialize(values, WorkflowStateJsonContext.Default.DictionaryStringJsonNode);

    public static string? SerializeNode(JsonNode? node) => node?.ToJsonString(Options);

    public static JsonNode? ParseNode(string? json) => json is null ? null : JsonNode.Parse(json);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static Dictionary<string, JsonNode?> DeserializeDictionary(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonNode?>>(json, Options) ?? [];
}
