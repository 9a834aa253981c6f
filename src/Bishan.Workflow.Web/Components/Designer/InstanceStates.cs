using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Web.Components.Designer;

/// <summary>How an instance marks its diagram: executed from the journal, then bookmarks (waiting), then incidents (faulted) win.</summary>
public static class InstanceStates
{
    public static IReadOnlyDictionary<string, NodeState> From(IEnumerable<JournalEntry> journal, IEnumerable<Bookmark> bookmarks, IEnumerable<Incident> incidents)
    {
        var states = new Dictionary<string, NodeState>(StringComparer.Ordinal);
        foreach (var entry in journal) states[entry.ActivityId] = NodeState.Executed;
        foreach (var bookmark in bookmarks) states[bookmark.ActivityId] = NodeState.Waiting;
        foreach (var incident in incidents) states[incident.ActivityId] = NodeState.Faulted;
        return states;
    }
}
