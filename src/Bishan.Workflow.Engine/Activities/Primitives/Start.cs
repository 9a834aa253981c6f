using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Engine.Activities.Primitives;

[Activity("Elsa.Start", "Flow")]
public sealed class Start : Activity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
