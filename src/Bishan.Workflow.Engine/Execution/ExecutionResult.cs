namespace Bishan.Workflow.Engine.Execution;

/// <summary>What one pass changed: the new state, journal rows, bookmarks added and removed, new incidents.</summary>
public sealed record ExecutionResult(
    WorkflowState State,
    IReadOnlyList<JournalEntry> Journal,
    IReadOnlyList<Bookmark> AddedBookmarks,
    IReadOnlyList<string> RemovedBookmarkIds,
    IReadOnlyList<Incident> NewIncidents);
