using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Engine.Activities.Flow;

/// <summary>
/// Elsa's flowchart: runs its start activity, then follows connections by outcome. Two modes, chosen per
/// definition: counter-based (Elsa's default; implicit joins wait for every forward inbound connection to
/// be taken or ruled out) and token-based (joins follow <c>customProperties.mergeMode</c>).
/// </summary>
[Activity(WorkflowJsonReader.FlowchartType, "Flow", Browsable = false)]
public sealed class Flowchart : CompositeActivity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var graph = context.Index.Graph(context.Node);
        var trigger = context.PendingTriggerNodeId;
        var triggerId = trigger is not null && trigger.StartsWith(context.Node.NodeId + ":", StringComparison.Ordinal)
            ? trigger[(context.Node.NodeId.Length + 1)..]
            : null;
        var start = graph.FindStart(triggerId is not null && !triggerId.Contains(':') ? triggerId : null);
        if (start is null)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }
        context.State.Flow = new FlowScope();
        context.ScheduleChild(start);
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ChildCompletion child)
    {
        var graph = context.Index.Graph(context.Node);
        var scope = context.State.Flow ??= new FlowScope();
        if (context.Definition.ExecutionMode == FlowchartExecutionMode.TokenBased)
            TokenFlow.OnChildCompleted(context, graph, scope, child);
        else
            CounterFlow.OnChildCompleted(context, graph, scope, child);
        return ValueTask.CompletedTask;
    }
}
