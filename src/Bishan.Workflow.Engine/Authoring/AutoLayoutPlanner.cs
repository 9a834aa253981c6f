namespace Bishan.Workflow.Engine.Authoring;

/// <summary>Columns for auto-layout: each activity's longest forward distance from an activity with no inbound connection.</summary>
internal static class AutoLayoutPlanner
{
    public static Dictionary<string, int> Layers(IReadOnlyList<string> ids, IReadOnlyList<ConnectionView> connections)
    {
        var known = ids.ToHashSet();
        var outbound = connections.Where(c => known.Contains(c.Source) && known.Contains(c.Target))
            .GroupBy(c => c.Source).ToDictionary(g => g.Key, g => g.Select(c => c.Target).ToList());
        var layers = ids.ToDictionary(id => id, _ => 0);
        var inbound = connections.Where(c => known.Contains(c.Target) && known.Contains(c.Source)).Select(c => c.Target).ToHashSet();
        var roots = ids.Where(id => !inbound.Contains(id)).DefaultIfEmpty(ids.Count > 0 ? ids[0] : null).OfType<string>();

        // Longest path over the DAG found by a depth-first walk; connections back to an activity on the
        // current path (loops) are ignored so that the walk ends.
        var onPath = new HashSet<string>();
        var done = new HashSet<string>();
        foreach (var root in roots) Walk(root, 0);
        foreach (var id in ids.Where(id => !done.Contains(id))) Walk(id, 0);
        return layers;

        void Walk(string id, int depth)
        {
            // Iterative to survive large generated workflows.
            var stack = new Stack<(string Id, int Depth, int Next)>();
            stack.Push((id, depth, 0));
            onPath.Add(id);
            layers[id] = Math.Max(layers[id], depth);
            while (stack.Count > 0)
            {
                var (current, d, next) = stack.Pop();
                var targets = outbound.GetValueOrDefault(current) ?? [];
                if (next >= targets.Count)
                {
                    onPath.Remove(current);
                    done.Add(current);
                    continue;
                }
                stack.Push((current, d, next + 1));
                var target = targets[next];
                if (onPath.Contains(target) || (done.Contains(target) && layers[target] >= d + 1)) continue;
                layers[target] = Math.Max(layers[target], d + 1);
                onPath.Add(target);
                stack.Push((target, d + 1, 0));
            }
        }
    }
}
