using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Engine.Activities.Primitives;

/// <summary>Ends the enclosing flowchart at once, cancelling what still runs in it.</summary>
[Activity("Elsa.End", "Flow", Outcomes = [])]
public sealed class End : Activity, ITerminalActivity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
