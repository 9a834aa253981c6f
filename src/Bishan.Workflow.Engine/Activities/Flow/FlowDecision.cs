using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Engine.Activities.Flow;

[Activity("Elsa.FlowDecision", "Flow", Outcomes = ["True", "False"])]
[Input("condition", "Boolean", UiHint = UiHints.Code, Required = true, DefaultSyntax = "JavaScript")]
public sealed class FlowDecision : Activity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Complete(context.EvaluateBool("condition") ? "True" : "False");
        return ValueTask.CompletedTask;
    }
}
