using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Engine.Activities.Flow;

/// <summary>Runs its <c>body</c> activity (often a nested flowchart) and completes when the body does.</summary>
[Activity("Elsa.FlowNode", "Flow")]
public sealed class FlowNode : CompositeActivity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        if (context.Node.Slots.TryGetValue("body", out var body) && body.Count > 0)
            context.ScheduleChild(body[0]);
        else
            context.Complete();
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ChildCompletion child)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
