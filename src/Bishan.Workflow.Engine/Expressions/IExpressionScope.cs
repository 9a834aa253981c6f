using System.Text.Json.Nodes;

namespace Bishan.Workflow.Engine.Expressions;

/// <summary>What an expression can see: variables and workflow inputs as plain JSON values.</summary>
public interface IExpressionScope
{
    string InstanceId { get; }
    string? CorrelationId { get; }
    IEnumerable<string> VariableNames { get; }
    JsonNode? GetVariable(string name);
    void SetVariable(string name, JsonNode? value);
    IReadOnlyDictionary<string, JsonNode?> WorkflowInput { get; }

    /// <summary>Lets RunJavaScript choose its outcomes; null where outcomes cannot be chosen.</summary>
    Action<IReadOnlyList<string>>? SetOutcomes => null;
}
