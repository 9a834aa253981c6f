using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Engine.Activities.Primitives;

/// <summary>Ends the whole workflow: empties the scheduler and removes every bookmark.</summary>
[Activity("Elsa.Finish", "Flow", Outcomes = [])]
public sealed class Finish : Activity, ITerminalActivity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.FinishWorkflow();
        return ValueTask.CompletedTask;
    }
}
