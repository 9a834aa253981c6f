using System.Text.Json.Nodes;

namespace Bishan.Workflow.Engine.Definitions;

/// <summary>
/// One activity of a definition. Inputs stay in <see cref="Raw"/> exactly as imported, so that export
/// round-trips every property, including ones this runtime does not know.
/// </summary>
public sealed class ActivityNode
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public string? Name { get; init; }
    public int Version { get; init; } = 1;

    /// <summary>Unique path of the activity in the tree: parent ids and own id joined by ':'.</summary>
    public required string NodeId { get; init; }
    public required JsonObject Raw { get; init; }
    public JsonObject CustomProperties { get; init; } = [];
    public ActivityNode? Parent { get; internal set; }

    /// <summary>Children of a flowchart, in document order.</summary>
    public IReadOnlyList<ActivityNode> Activities { get; init; } = [];
    public IReadOnlyList<Connection> Connections { get; init; } = [];
    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];

    /// <summary>Single child activities held by input name (FlowNode's body, Fork's branches).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ActivityNode>> Slots { get; init; } =
        new Dictionary<string, IReadOnlyList<ActivityNode>>();

    public bool CanStartWorkflow =>
        GetBool(CustomProperties, "canStartWorkflow") ?? GetBool(Raw, "canStartWorkflow") ?? false;

    public string? MergeMode => CustomProperties.TryGetPropertyValue("mergeMode", out var m) ? m?.ToString() : null;

    public IEnumerable<ActivityNode> Children => Activities.Concat(Slots.Values.SelectMany(s => s));

    public IEnumerable<ActivityNode> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in Children)
            foreach (var d in child.SelfAndDescendants())
                yield return d;
    }

    /// <summary>The raw input property (case-insensitive name), or null when absent.</summary>
    public InputValue? GetInput(string name)
    {
        var node = GetProperty(name);
        return node is JsonObject o ? InputValue.From(o) : null;
    }

    /// <summary>The memory reference an output is bound to (a variable id or a workflow output name).</summary>
    public string? GetOutputTarget(string name) =>
        GetProperty(name) is JsonObject o && o["memoryReference"] is JsonObject mr ? mr["id"]?.GetValue<string>() : null;

    /// <summary>A raw property by name, case-insensitive (older exports use PascalCase keys).</summary>
    public JsonNode? GetProperty(string name)
    {
        if (Raw.TryGetPropertyValue(name, out var exact)) return exact;
        foreach (var (key, value) in Raw)
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                return value;
        return null;
    }

    private static bool? GetBool(JsonObject o, string name)
    {
        foreach (var (key, value) in o)
        {
            if (!string.Equals(key, name, StringComparison.OrdinalIgnoreCase) || value is not JsonValue v) continue;
            if (v.TryGetValue<bool>(out var b)) return b;
            if (v.TryGetValue<string>(out var s) && bool.TryParse(s, out b)) return b;
        }
        return null;
    }

    public override string ToString() => $"{Type}#{Id}";
}
