using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Engine.Activities.Flow;

/// <summary>
/// Counter-based flowchart scheduling. Every visit of a connection (taken or ruled out) is counted until its
/// target consumes the counts; an activity with several inbound connections runs once all forward ones were
/// visited and at least one was taken, and is skipped (the skip spreads) otherwise. Consuming the counts on
/// each decision is what lets an activity skipped in one pass of a loop run in the next.
/// </summary>
internal static class CounterFlow
{
    public static void OnChildCompleted(ActivityExecutionContext flowchart, FlowGraph graph, FlowScope scope, ChildCompletion child)
    {
        if (flowchart.IsTerminal(child.Node))
        {
            flowchart.Complete();
            return;
        }
        if (!ScheduleOutbound(flowchart, graph, scope, child.Node, child.Outcomes, child.State.Backward))
            CompleteIfNoPendingWork(flowchart);
    }

    private static bool ScheduleOutbound(ActivityExecutionContext flowchart, FlowGraph graph, FlowScope scope,
        ActivityNode completed, IReadOnlyList<string> outcomes, bool reachedBackward)
    {
        if (!reachedBackward)
            scope.ActivityVisits[completed.Id] = scope.Visits(completed.Id) + 1;
        if (flowchart.IsJoin(completed))
            Consume(graph, scope, completed);

        var scheduled = false;
        foreach (var connection in graph.Outbound(completed.Id))
        {
            var followed = outcomes.Contains(connection.SourcePort);
            scope.ConnectionVisits[connection.Index] = scope.Visits(connection.Index) + 1;
            if (followed) scope.ConnectionFollows[connection.Index] = scope.Follows(connection.Index) + 1;
            var target = graph.ById[connection.Target];

            if (graph.IsBackward(connection))
            {
                // A loop: the target runs again directly, without join logic.
                if (!followed) continue;
                flowchart.ScheduleChild(target, backward: true);
                scheduled = true;
            }
            else if (!flowchart.IsJoin(target))
            {
                scheduled |= ScheduleImplicitJoin(flowchart, graph, scope, target);
            }
            else
            {
                scheduled |= ScheduleJoin(flowchart, scope, connection, target);
            }
        }
        return scheduled;
    }

    private static bool ScheduleImplicitJoin(ActivityExecutionContext flowchart, FlowGraph graph, FlowScope scope, ActivityNode target)
    {
        var inbound = graph.ForwardInbound(target.Id).ToList();
        if (!inbound.All(c => scope.Visits(c.Index) > 0)) return false;
        var taken = inbound.Any(c => scope.Follows(c.Index) > 0);
        Consume(graph, scope, target);
        if (taken)
        {
            flowchart.ScheduleChild(target);
            return true;
        }
        // No inbound connection was taken: skip the activity and rule out its own connections.
        return ScheduleOutbound(flowchart, graph, scope, target, [], reachedBackward: false);
    }

    private static bool ScheduleJoin(ActivityExecutionContext flowchart, FlowScope scope, Connection connection, ActivityNode join)
    {
        // A join that already ran for this visit of the source ignores late arrivals (WaitAny runs once).
        if (scope.Visits(join.Id) >= scope.Visits(connection.Source)) return false;
        var existing = flowchart.ActiveChildren.FirstOrDefault(c => c.NodeId == join.NodeId);
        if (flowchart.IsScheduled(join)) return true;
        flowchart.ScheduleChild(join, existingContextId: existing?.Id);
        return true;
    }

    /// <summary>The target has decided on the visits so far: later visits count towards its next run.</summary>
    private static void Consume(FlowGraph graph, FlowScope scope, ActivityNode target)
    {
        foreach (var c in graph.Inbound(target.Id))
        {
            scope.ConnectionVisits.Remove(c.Index);
            scope.ConnectionFollows.Remove(c.Index);
        }
    }

    public static void CompleteIfNoPendingWork(ActivityExecutionContext flowchart)
    {
        if (!flowchart.HasPendingChildren()) flowchart.Complete();
    }
}
