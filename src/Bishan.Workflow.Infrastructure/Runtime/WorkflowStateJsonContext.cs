using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>
/// Compile-time serialization metadata for the stored state, with the same settings as
/// <see cref="WorkflowStateSerializer.Options"/> (web defaults, enums as strings, nulls left out): every pass
/// reads and writes the state, and generated code spares the reflection-based path its lookups.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WorkflowState))]
[JsonSerializable(typeof(Dictionary<string, JsonNode?>))]
internal sealed partial class WorkflowStateJsonContext : JsonSerializerContext;
