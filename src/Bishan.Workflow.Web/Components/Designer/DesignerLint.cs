using Bishan.Workflow.Engine.Authoring;

namespace Bishan.Workflow.Web.Components.Designer;

/// <summary>What the lint pass found about one activity.</summary>
public enum LintKind
{
    /// <summary>No connection leads into it and it is not where the flow starts: it never runs.</summary>
    NoInbound,

    /// <summary>Connections lead into it, but only from activities that never run themselves.</summary>
    Unreachable,

    /// <summary>One of its outcomes goes nowhere while others are connected: that branch silently ends the flow.</summary>
    DeadEnd,
}

/// <summary>A warning (not an error: publishing is still allowed, after a confirmation). <see cref="Outcome"/> names the dead-end port.</summary>
public sealed record LintWarning(string ActivityId, LintKind Kind, string? Outcome = null);

/// <summary>
/// The designer's lint pass (issue 14): mistakes the validator accepts because the runtime can run them, but that are
/// almost never meant. An activity that nothing leads to never runs; a decision or task with one outcome connected and
/// another left open ends the whole flow when that outcome happens. An activity whose outcomes are all open is where
/// the flow is meant to end and is not reported; neither is an open outcome on a parallel branch (after one port that
/// leads to several activities), since ending that branch leaves the others running, as the follow-up reviews do.
/// </summary>
public static class DesignerLint
{
    public static IReadOnlyList<LintWarning> Check(
        IReadOnlyList<ActivityView> activities,
        IReadOnlyList<ConnectionView> connections,
        Func<string, IReadOnlyList<string>> outcomesOf,
        string? startId)
    {
        var ids = activities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var live = connections.Where(c => ids.Contains(c.Source) && ids.Contains(c.Target)).ToList();
        var inbound = live.Select(c => c.Target).ToHashSet(StringComparer.Ordinal);

        // Starts: the flow's start and anything marked as able to start it (triggers such as a cron).
        var starts = activities.Where(a => a.Id == startId || a.CanStartWorkflow || a.Type == "Elsa.Start").Select(a => a.Id).ToList();
        var reached = new HashSet<string>(starts, StringComparer.Ordinal);
        var queue = new Queue<string>(starts);
        var next = live.GroupBy(c => c.Source, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(c => c.Target).ToList(), StringComparer.Ordinal);
        while (queue.Count > 0)
            foreach (var target in next.GetValueOrDefault(queue.Dequeue()) ?? [])
                if (reached.Add(target))
                    queue.Enqueue(target);

        // Parallel branches: everything after a port that leads to more than one activity.
        var forkTargets = live.GroupBy(c => (c.Source, c.SourcePort)).Where(g => g.Select(c => c.Target).Distinct(StringComparer.Ordinal).Count() > 1)
            .SelectMany(g => g.Select(c => c.Target));
        var parallel = new HashSet<string>(forkTargets, StringComparer.Ordinal);
        var pending = new Queue<string>(parallel);
        while (pending.Count > 0)
            foreach (var target in next.GetValueOrDefault(pending.Dequeue()) ?? [])
                if (parallel.Add(target))
                    pending.Enqueue(target);

        var warnings = new List<LintWarning>();
        foreach (var activity in activities)
        {
            if (!reached.Contains(activity.Id))
                warnings.Add(new LintWarning(activity.Id, inbound.Contains(activity.Id) ? LintKind.Unreachable : LintKind.NoInbound));
            var used = live.Where(c => c.Source == activity.Id).Select(c => c.SourcePort).ToHashSet(StringComparer.Ordinal);
            if (used.Count == 0 || parallel.Contains(activity.Id)) continue;
            // "Done" beside named outcomes is the generic port a task also has; leaving it open is normal.
            var outcomes = outcomesOf(activity.Id);
            var named = outcomes.Any(o => o != "Done");
            foreach (var outcome in outcomes.Where(o => !used.Contains(o) && !(named && o == "Done")))
                warnings.Add(new LintWarning(activity.Id, LintKind.DeadEnd, outcome));
        }
        return warnings;
    }
}
