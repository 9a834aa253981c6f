namespace Bishan.Workflow.Web.Components.Designer;

/// <summary>One activity to place: its id and its height on the canvas (nodes are <see cref="LayeredLayout.NodeWidth"/> wide).</summary>
public sealed record LayoutNode(string Id, double Height);

/// <summary>
/// The designer's auto-layout (issue 14): a layered layout that stays readable for long chains. Each activity gets a
/// layer, its longest distance from the start over the connections (connections back to an earlier activity, loops,
/// are left out so that a loop does not push its target down the chain). Layers run left to right, the activities of one
/// layer stacked under each other; when the next layer would pass <c>maxWidth</c> the chain wraps into a new band below,
/// like lines of text, so a 14-step flow becomes three or four readable rows instead of one strip that fit-to-screen
/// shrinks until nothing can be read.
/// </summary>
public static class LayeredLayout
{
    public const double NodeWidth = 190;
    public const double ColumnGap = 56;
    public const double RowGap = 28;
    public const double BandGap = 64;

    /// <summary>The top-left corner of every activity, by id.</summary>
    /// <param name="nodes">The activities in document order (the order breaks ties).</param>
    /// <param name="connections">Source and target ids; connections naming unknown activities are ignored.</param>
    /// <param name="startId">The activity the flow starts from (layer 0); activities with no inbound connection start too.</param>
    /// <param name="maxWidth">The widest a band may be, in canvas units; at least one layer goes in every band.</param>
    public static IReadOnlyDictionary<string, (double X, double Y)> Arrange(
        IReadOnlyList<LayoutNode> nodes,
        IReadOnlyList<(string Source, string Target)> connections,
        string? startId,
        double maxWidth)
    {
        var layers = Layers(nodes.Select(n => n.Id).ToList(), connections, startId);
        var height = nodes.ToDictionary(n => n.Id, n => n.Height, StringComparer.Ordinal);
        var order = nodes.Select((n, i) => (n.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var parents = connections.Where(c => order.ContainsKey(c.Source) && order.ContainsKey(c.Target))
            .GroupBy(c => c.Target, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Source).ToList(), StringComparer.Ordinal);

        var columns = layers.GroupBy(p => p.Value).OrderBy(g => g.Key).Select(g => g.Select(p => p.Key).ToList()).ToList();
        var result = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        var rank = new Dictionary<string, double>(StringComparer.Ordinal);
        var perBand = Math.Max(1, (int)Math.Floor((maxWidth - NodeWidth) / (NodeWidth + ColumnGap)) + 1);
        double bandTop = 0;
        for (var bandStart = 0; bandStart < columns.Count; bandStart += perBand)
        {
            double bandHeight = 0;
            for (var c = bandStart; c < Math.Min(columns.Count, bandStart + perBand); c++)
            {
                // Under each other in the order of their predecessors (fewer crossings), then as in the document.
                var column = columns[c]
                    .OrderBy(id => parents.TryGetValue(id, out var ps) && ps.Any(rank.ContainsKey) ? ps.Where(rank.ContainsKey).Min(p => rank[p]) : double.MaxValue)
                    .ThenBy(id => order[id])
                    .ToList();
                double y = 0;
                for (var i = 0; i < column.Count; i++)
                {
                    var id = column[i];
                    result[id] = ((c - bandStart) * (NodeWidth + ColumnGap), bandTop + y);
                    rank[id] = i;
                    y += height[id] + RowGap;
                }
                bandHeight = Math.Max(bandHeight, y - RowGap);
            }
            bandTop += bandHeight + BandGap;
        }
        return result;
    }

    /// <summary>Each activity's layer: the longest path to it from a start, without the connections that close a loop.</summary>
    public static IReadOnlyDictionary<string, int> Layers(
        IReadOnlyList<string> ids,
        IReadOnlyList<(string Source, string Target)> connections,
        string? startId)
    {
        var known = ids.ToHashSet(StringComparer.Ordinal);
        var outbound = connections.Where(c => known.Contains(c.Source) && known.Contains(c.Target))
            .GroupBy(c => c.Source, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Target).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var inbound = connections.Where(c => known.Contains(c.Source) && known.Contains(c.Target)).Select(c => c.Target).ToHashSet(StringComparer.Ordinal);

        // Depth-first from the start, then from every activity nobody connects to, then from whatever is left (a cycle
        // with no way in): an edge to an activity still on the walk's path closes a loop and is dropped.
        var roots = new List<string>();
        if (startId is not null && known.Contains(startId)) roots.Add(startId);
        roots.AddRange(ids.Where(id => !inbound.Contains(id) && id != startId));
        roots.AddRange(ids);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 on the path, 2 done
        var forward = ids.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        var finished = new List<string>();
        foreach (var root in roots)
        {
            if (state.ContainsKey(root)) continue;
            var stack = new Stack<(string Id, int Next)>();
            stack.Push((root, 0));
            state[root] = 1;
            while (stack.Count > 0)
            {
                var (current, next) = stack.Pop();
                var targets = outbound.GetValueOrDefault(current) ?? [];
                if (next >= targets.Count)
                {
                    state[current] = 2;
                    finished.Add(current);
                    continue;
                }
                stack.Push((current, next + 1));
                var target = targets[next];
                if (state.TryGetValue(target, out var s))
                {
                    if (s == 2) forward[current].Add(target);
                    continue;
                }
                forward[current].Add(target);
                state[target] = 1;
                stack.Push((target, 0));
            }
        }

        // Longest path over the forward edges, in topological order (the reverse of the finishing order).
        var layer = ids.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        for (var i = finished.Count - 1; i >= 0; i--)
        {
            var id = finished[i];
            foreach (var target in forward[id])
                layer[target] = Math.Max(layer[target], layer[id] + 1);
        }
        return layer;
    }

    /// <summary>
    /// The height an activity node will have on the canvas, before the browser has measured it: its header, its name
    /// (wrapping about every thirteen characters) and one line per outcome port.
    /// </summary>
    public static double EstimateHeight(string? name, int outcomes, bool hasErrors = false)
    {
        var units = (name ?? "").Sum(ch => ch > 0x2E80 ? 1.0 : 0.55);
        var lines = Math.Max(1, (int)Math.Ceiling(units / 13.0));
        return 30 + 8 + lines * 18 + outcomes * 19 + (hasErrors ? 36 : 0) + 6;
    }
}
