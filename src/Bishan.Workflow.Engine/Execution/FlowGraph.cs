using Bishan.Workflow.Engine.Definitions;

namespace Bishan.Workflow.Engine.Execution;

/// <summary>
/// Precomputed shape of one flowchart: connections by activity, backward (loop) connections found by
/// walking from the start activity, and the start activity itself (Elsa's rules, first match wins).
/// </summary>
public sealed class FlowGraph
{
    private readonly Dictionary<string, List<Connection>> _outbound = [];
    private readonly Dictionary<string, List<Connection>> _inbound = [];
    private readonly HashSet<int> _backward = [];

    public FlowGraph(ActivityNode flowchart)
    {
        Flowchart = flowchart;
        ById = flowchart.Activities.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var c in flowchart.Connections)
        {
            if (!ById.ContainsKey(c.Source) || !ById.ContainsKey(c.Target)) continue;
            Add(_outbound, c.Source, c);
            Add(_inbound, c.Target, c);
        }
        Start = FindStart(null);
        FindBackwardConnections();
    }

    public ActivityNode Flowchart { get; }
    public IReadOnlyDictionary<string, ActivityNode> ById { get; }
    public ActivityNode? Start { get; }

    public IReadOnlyList<Connection> Outbound(string id) => _outbound.TryGetValue(id, out var l) ? l : [];
    public IReadOnlyList<Connection> Inbound(string id) => _inbound.TryGetValue(id, out var l) ? l : [];
    public IEnumerable<Connection> ForwardInbound(string id) => Inbound(id).Where(c => !_backward.Contains(c.Index));
    public bool IsBackward(Connection c) => _backward.Contains(c.Index);

    /// <summary>Start activity for a run: the trigger if it is in this flowchart, else Elsa's rules.</summary>
    public ActivityNode? FindStart(string? triggerActivityId)
    {
        if (triggerActivityId is not null && ById.TryGetValue(triggerActivityId, out var trigger)) return trigger;
        var acts = Flowchart.Activities;
        return acts.FirstOrDefault(a => a.Type == "Elsa.Start")
               ?? acts.FirstOrDefault(a => a.CanStartWorkflow)
               ?? acts.FirstOrDefault(a => Inbound(a.Id).Count == 0)
               ?? (acts.Count > 0 ? acts[0] : null);
    }

    /// <summary>Every activity from which <paramref name="id"/> can be reached over forward connections.</summary>
    public HashSet<string> Ancestors(string id)
    {
        var seen = new HashSet<string>();
        var stack = new Stack<string>([id]);
        while (stack.Count > 0)
            foreach (var c in ForwardInbound(stack.Pop()))
                if (seen.Add(c.Source))
                    stack.Push(c.Source);
        seen.Remove(id);
        return seen;
    }

    private void FindBackwardConnections()
    {
        var visited = new HashSet<string>();
        var onPath = new HashSet<string>();
        var roots = new List<ActivityNode>();
        if (Start is not null) roots.Add(Start);
        roots.AddRange(Flowchart.Activities.Where(a => Inbound(a.Id).Count == 0));
        roots.AddRange(Flowchart.Activities);
        foreach (var root in roots)
            if (!visited.Contains(root.Id))
                Walk(root.Id, visited, onPath);
    }

    private void Walk(string id, HashSet<string> visited, HashSet<string> onPath)
    {
        // Iterative DFS: large generated workflows must not overflow the stack.
        var stack = new Stack<(string Id, int Next)>();
        visited.Add(id);
        onPath.Add(id);
        stack.Push((id, 0));
        while (stack.Count > 0)
        {
            var (current, next) = stack.Pop();
            var outs = Outbound(current);
            if (next >= outs.Count)
            {
                onPath.Remove(current);
                continue;
            }
            stack.Push((current, next + 1));
            var c = outs[next];
            if (onPath.Contains(c.Target))
                _backward.Add(c.Index);
            else if (visited.Add(c.Target))
            {
                onPath.Add(c.Target);
                stack.Push((c.Target, 0));
            }
        }
    }

    private static void Add(Dictionary<string, List<Connection>> map, string key, Connection c)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(c);
    }
}
