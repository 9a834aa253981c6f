using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Engine.Activities.Primitives;

/// <summary>Faults the workflow with an incident carrying code, category and message.</summary>
[Activity("Elsa.Fault", "Primitives", Outcomes = [])]
[Input("code", "String")]
[Input("category", "String")]
[Input("faultType", "String")]
[Input("message", "String", UiHint = UiHints.MultiLine)]
public sealed class Fault : Activity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context) =>
        throw new FaultException(
            context.EvaluateString("code"),
            context.EvaluateString("category"),
            context.EvaluateString("faultType"),
            context.EvaluateString("message") is { Length: > 0 } m ? m : "The workflow faulted.");
}
