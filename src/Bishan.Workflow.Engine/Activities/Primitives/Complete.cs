using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Expressions;

namespace Bishan.Workflow.Engine.Activities.Primitives;

/// <summary>Ends the enclosing flowchart and sends its outcomes to the nearest composite.</summary>
[Activity("Elsa.Complete", "Flow", Outcomes = [])]
[Input("outcomes", "String[]", UiHint = UiHints.OutcomeList)]
public sealed class Complete : Activity, ITerminalActivity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var outcomes = context.Evaluate("outcomes") switch
        {
            JsonArray arr => arr.Select(ValueConverter.ToText).OfType<string>().ToArray(),
            JsonValue v when ValueConverter.ToText(v) is { Length: > 0 } s => [s],
            _ => ["Done"],
        };
        context.Complete(outcomes);
        return ValueTask.CompletedTask;
    }
}
