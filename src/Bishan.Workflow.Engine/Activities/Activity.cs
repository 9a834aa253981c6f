using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Engine.Activities;

/// <summary>
/// Base of every activity. Activities are stateless singletons: all state lives in the
/// <see cref="ActivityExecutionContext"/>. Describe the activity with <see cref="ActivityAttribute"/>,
/// <see cref="InputAttribute"/> and <see cref="OutputAttribute"/>; the registry and the designer read those.
/// </summary>
public abstract class Activity
{
    public abstract ValueTask ExecuteAsync(ActivityExecutionContext context);

    /// <summary>Called when one of the activity's bookmarks is resumed. Completes with Done by default.</summary>
    public virtual ValueTask ResumeAsync(ActivityExecutionContext context)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }
}

/// <summary>An activity that schedules children and hears of their completion (flowcharts, FlowNode, Fork).</summary>
public abstract class CompositeActivity : Activity
{
    public abstract ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ChildCompletion child);
}

/// <summary>A child that completed inside a composite, with the outcomes it completed with.</summary>
public sealed record ChildCompletion(ActivityContextState State, Definitions.ActivityNode Node, IReadOnlyList<string> Outcomes);

/// <summary>Ends the enclosing flowchart at once (End, Complete, Finish).</summary>
public interface ITerminalActivity;

/// <summary>A join node: the flowchart schedules it on every inbound visit and it decides itself when to complete.</summary>
public interface IJoinActivity;
