using System.Runtime.CompilerServices;
using Bishan.Workflow.Engine.Definitions;

namespace Bishan.Workflow.Engine.Execution;

/// <summary>Lookups computed once per parsed definition and cached with it.</summary>
public sealed class DefinitionIndex
{
    private static readonly ConditionalWeakTable<WorkflowDefinition, DefinitionIndex> Cache = new();
    private readonly Dictionary<string, FlowGraph> _graphs = [];

    private DefinitionIndex(WorkflowDefinition definition)
    {
        Definition = definition;
        ByNodeId = definition.AllActivities().GroupBy(a => a.NodeId).ToDictionary(g => g.Key, g => g.First());
        foreach (var node in ByNodeId.Values.Where(n => n.Type == WorkflowJsonReader.FlowchartType))
            _graphs[node.NodeId] = new FlowGraph(node);
        var vars = definition.AllVariables().ToList();
        VariablesById = vars.GroupBy(v => v.Id).ToDictionary(g => g.Key, g => g.First());
        VariablesByName = vars.GroupBy(v => v.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First());
    }

    public WorkflowDefinition Definition { get; }
    public IReadOnlyDictionary<string, ActivityNode> ByNodeId { get; }
    public IReadOnlyDictionary<string, VariableDefinition> VariablesById { get; }
    public IReadOnlyDictionary<string, VariableDefinition> VariablesByName { get; }

    public static DefinitionIndex For(WorkflowDefinition definition) => Cache.GetValue(definition, d => new DefinitionIndex(d));

    public FlowGraph Graph(ActivityNode flowchart) => _graphs[flowchart.NodeId];

    public VariableDefinition? FindVariable(string idOrName) =>
        VariablesById.GetValueOrDefault(idOrName) ?? VariablesByName.GetValueOrDefault(idOrName);
}
