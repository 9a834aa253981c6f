using System.Text.Json.Nodes;

namespace Bishan.Workflow.Engine.Definitions;

/// <summary>A parsed workflow definition version in the Elsa 3 JSON shape.</summary>
public sealed record WorkflowDefinition
{
    public required string DefinitionId { get; init; }
    public string? Id { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public int Version { get; init; } = 1;
    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];
    public IReadOnlyList<IoDefinition> Inputs { get; init; } = [];
    public IReadOnlyList<IoDefinition> Outputs { get; init; } = [];
    public IReadOnlyList<string> Outcomes { get; init; } = [];
    public required ActivityNode Root { get; init; }
    public FlowchartExecutionMode ExecutionMode { get; init; } = FlowchartExecutionMode.CounterBased;
    public JsonObject CustomProperties { get; init; } = [];

    /// <summary>Every activity in the tree, depth first, root included.</summary>
    public IEnumerable<ActivityNode> AllActivities() => Root.SelfAndDescendants();

    /// <summary>Variables declared at the root and on nested flowcharts.</summary>
    public IEnumerable<VariableDefinition> AllVariables() =>
        Variables.Concat(AllActivities().SelectMany(a => a.Variables));
}

public enum FlowchartExecutionMode
{
    CounterBased,
    TokenBased,
}

public sealed record VariableDefinition(string Id, string Name, string TypeName, JsonNode? Value);

public sealed record IoDefinition(string Name, string TypeName, string? DisplayName, string? Description);
