namespace Bishan.Workflow.Engine.Execution;

/// <summary>
/// Ids for instances and bookmarks: version 7 GUIDs (a millisecond timestamp from the injected clock, then random
/// bits) in the 32-digit form. Unique like random GUIDs, but ids made close in time sort close together, so a store
/// adds new rows at the end of its primary-key and id indexes instead of on a random page of each.
/// </summary>
public static class TimeOrderedIds
{
    public static string New(TimeProvider time) => Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
}
