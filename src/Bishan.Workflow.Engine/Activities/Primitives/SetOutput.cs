using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Engine.Activities.Primitives;

[Activity("Elsa.SetOutput", "Primitives")]
[Input("outputName", "String", Required = true)]
[Input("outputValue", "Object")]
public sealed class SetOutput : Activity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var name = context.EvaluateString("outputName");
        if (string.IsNullOrWhiteSpace(name)) throw new InvalidOperationException("SetOutput needs an output name.");
        context.SetWorkflowOutput(name, context.Evaluate("outputValue"));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
