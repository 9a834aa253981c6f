using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Engine.Activities.Flow;

/// <summary>
/// Explicit join. Counter mode: WaitAny runs on the first taken inbound connection and cancels the inbound
/// branches still running; WaitAll runs when all were taken; WaitAllActive when all were decided and one was
/// taken. Otherwise the join is skipped and the skip spreads. Token mode: the flowchart's merge mode decides.
/// </summary>
[Activity("Elsa.FlowJoin", "Flow")]
[Input("mode", "FlowJoinMode", UiHint = UiHints.Dropdown, Options = ["WaitAny", "WaitAll", "WaitAllActive"], DefaultValue = "WaitAny")]
public sealed class FlowJoin : Activity, IJoinActivity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var parent = context.Node.Parent;
        var scope = context.ParentState?.Flow;
        if (context.Definition.ExecutionMode == FlowchartExecutionMode.TokenBased || parent is null || scope is null)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }

        var graph = context.Index.Graph(parent);
        var id = context.Node.Id;
        var inbound = graph.ForwardInbound(id).ToList();
        var allVisited = inbound.All(c => scope.Visits(c.Index) > 0);
        var anyTaken = inbound.Any(c => scope.Follows(c.Index) > 0);
        var allTaken = inbound.All(c => scope.Follows(c.Index) > 0);

        switch (context.EvaluateString("mode")?.Trim() ?? "WaitAny")
        {
            case "WaitAll":
                if (allVisited) Finish(context, allTaken);
                break;
            case "WaitAllActive":
                if (allVisited) Finish(context, anyTaken);
                break;
            default:
                if (anyTaken)
                {
                    context.CancelRunningSiblings(graph.Ancestors(id));
                    context.Complete();
                }
                else if (allVisited)
                {
                    Finish(context, false);
                }
                break;
        }
        return ValueTask.CompletedTask;
    }

    private static void Finish(ActivityExecutionContext context, bool run)
    {
        if (run) context.Complete();
        else context.CompleteWith([]);
    }
}
