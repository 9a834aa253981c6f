using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Engine.Activities.Flow;

/// <summary>
/// Token-based flowchart scheduling: each taken connection leaves a token, an activity consumes the tokens
/// addressed to it when it completes, and a target with several inbound connections runs according to its
/// merge mode (Stream, Merge, Converge, Cascade, Race).
/// </summary>
internal static class TokenFlow
{
    public static void OnChildCompleted(ActivityExecutionContext flowchart, FlowGraph graph, FlowScope scope, ChildCompletion child)
    {
        var tokens = scope.Tokens;
        var completed = child.Node;
        if (flowchart.IsTerminal(completed))
        {
            tokens.Clear();
            flowchart.Complete();
            return;
        }

        var active = graph.Outbound(completed.Id).Where(c => child.Outcomes.Contains(c.SourcePort)).ToList();
        foreach (var c in active)
            tokens.Add(new FlowToken { Connection = c.Index, From = c.Source, To = c.Target, Outcome = c.SourcePort });
        foreach (var t in tokens.Where(t => t.To == completed.Id && t is { Consumed: false, Blocked: false }))
            t.Consumed = true;

        foreach (var connection in active)
        {
            var target = graph.ById[connection.Target];
            switch (MergeModeOf(target))
            {
                case MergeMode.Cascade:
                    flowchart.ScheduleChild(target);
                    break;
                case MergeMode.Race:
                    Race(flowchart, graph, tokens, connection, target);
                    break;
                case MergeMode.Merge:
                {
                    var inbound = graph.ForwardInbound(target.Id).ToList();
                    if (inbound.Count <= 1 || inbound.All(c => HasToken(tokens, c)))
                        flowchart.ScheduleChild(target);
                    break;
                }
                case MergeMode.Converge:
                {
                    var inbound = graph.Inbound(target.Id);
                    if (inbound.Count <= 1 || inbound.All(c => HasToken(tokens, c)))
                        flowchart.ScheduleChild(target);
                    break;
                }
                default:
                {
                    var sources = graph.ForwardInbound(target.Id).Select(c => c.Source).ToHashSet();
                    if (!tokens.Any(t => sources.Contains(t.To) && t is { Consumed: false, Blocked: false }))
                        flowchart.ScheduleChild(target);
                    break;
                }
            }
        }

        tokens.RemoveAll(t => t.To == completed.Id && t.Consumed);
        if (!flowchart.HasPendingChildren() && !tokens.Any(t => t is { Consumed: false, Blocked: false }))
        {
            tokens.Clear();
            flowchart.Complete();
        }
    }

    private static void Race(ActivityExecutionContext flowchart, FlowGraph graph, List<FlowToken> tokens, Connection connection, ActivityNode target)
    {
        var blocked = tokens.FirstOrDefault(t => t.Connection == connection.Index && t is { Blocked: true, Consumed: false });
        if (blocked is not null)
        {
            // This branch lost the race: its token is used up without running the target again.
            blocked.Consumed = true;
            tokens.RemoveAll(t => t.Connection == connection.Index && t.To == target.Id && !t.Blocked && !t.Consumed);
            return;
        }
        flowchart.ScheduleChild(target);
        // Branches that lost the race are cancelled; the tokens that started them are spent with them,
        // or the flowchart would wait for them for ever.
        var ancestors = graph.Ancestors(target.Id);
        var cancelled = flowchart.ActiveChildren
            .Select(c => flowchart.Index.ByNodeId[c.NodeId].Id)
            .Where(ancestors.Contains)
            .ToHashSet();
        foreach (var t in tokens.Where(t => cancelled.Contains(t.To) && t is { Consumed: false, Blocked: false }))
            t.Consumed = true;
        flowchart.CancelRunningChildren(ancestors);
        foreach (var other in graph.ForwardInbound(target.Id).Where(c => c.Index != connection.Index))
            tokens.Add(new FlowToken { Connection = other.Index, From = other.Source, To = other.Target, Outcome = other.SourcePort, Blocked = true });
    }

    private static bool HasToken(List<FlowToken> tokens, Connection c) =>
        tokens.Any(t => t.Connection == c.Index && t is { Consumed: false, Blocked: false });

    internal static MergeMode MergeModeOf(ActivityNode node)
    {
        if (Enum.TryParse<MergeMode>(node.MergeMode, ignoreCase: true, out var explicitMode) && explicitMode != MergeMode.None)
            return explicitMode;
        if (node.Type == "Elsa.FlowJoin")
            return node.GetInput("mode")?.Text?.Trim() switch
            {
                "WaitAll" or "WaitAllActive" => MergeMode.Merge,
                _ => MergeMode.Race,
            };
        return MergeMode.Stream;
    }
}

public enum MergeMode
{
    None,
    Stream,
    Merge,
    Converge,
    Cascade,
    Race,
}
