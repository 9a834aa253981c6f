namespace Bishan.Workflow.Engine.Execution;

/// <summary>What one pass changed: the new state, journal rows, bookmarks added and removed, new incidents.</summary>
public sealed record ExecutionResult(
    WorkflowState State,
    IReadOnlyList<JournalEntry> Journal,
    IReadOnlyList<Bookmark> AddedBookmarks,
    IReadOnlyList<string> RemovedBookmarkIds,
    IReadOnlyList<Incident> NewIncidents)
{
    /// <summary>
    /// Side effects activities asked for (e.g. "register this case"), applied by the host in the same
    /// transaction that saves the instance, so that a workflow step and its effect never come apart.
    /// </summary>
    public IReadOnlyList<object> Effects { get; init; } = [];
}
