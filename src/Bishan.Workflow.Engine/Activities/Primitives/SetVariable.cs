using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Engine.Activities.Primitives;

/// <summary>Sets a workflow variable, named by the <c>variable</c> object (<c>{ id, name }</c>) or a plain name.</summary>
[Activity("Elsa.SetVariable", "Primitives")]
[Input("variable", "Variable", UiHint = UiHints.VariablePicker, Required = true)]
[Input("value", "Object", UiHint = UiHints.SingleLine)]
public sealed class SetVariable : Activity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var reference = VariableReference(context.Node.Raw["variable"] ?? context.Node.Raw["Variable"])
                        ?? throw new InvalidOperationException("SetVariable has no variable.");
        context.SetVariable(reference, context.Evaluate("value"));
        context.Complete();
        return ValueTask.CompletedTask;
    }

    internal static string? VariableReference(JsonNode? node) => node switch
    {
        JsonObject o when o["expression"] is JsonObject e => e["value"] is JsonObject inner
            ? (inner["id"] ?? inner["name"])?.ToString()
            : e["value"]?.ToString(),
        JsonObject o => (o["id"] ?? o["name"])?.ToString(),
        JsonValue v => v.ToString(),
        _ => null,
    };
}
