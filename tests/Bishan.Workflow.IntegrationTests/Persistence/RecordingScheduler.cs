using System.Collections.Concurrent;
using Bishan.Workflow.Engine.Runtime;

namespace Bishan.Workflow.IntegrationTests.Persistence;

/// <summary>Remembers what the runtime asked the scheduler to do.</summary>
internal sealed class RecordingScheduler : IWorkflowScheduler
{
    public ConcurrentDictionary<string, DateTime> Bookmarks { get; } = new();
    public ConcurrentDictionary<string, IReadOnlyList<ScheduledTrigger>> Triggers { get; } = new();

    /// <summary>While true, scheduling a timer fails (Hangfire's storage unreachable, say).</summary>
    public bool Unavailable { get; set; }

    public void ScheduleBookmark(string bookmarkId, DateTime resumeAtUtc)
    {
        if (Unavailable) throw new InvalidOperationException("The scheduler is unavailable.");
        Bookmarks[bookmarkId] = resumeAtUtc;
    }

    public void UnscheduleBookmark(string bookmarkId) => Bookmarks.TryRemove(bookmarkId, out _);
    public void ScheduleTriggers(string definitionId, IReadOnlyList<ScheduledTrigger> triggers) => Triggers[definitionId] = triggers;
}
