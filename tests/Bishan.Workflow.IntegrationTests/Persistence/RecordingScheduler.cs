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

    /// <summary>While set and not signalled, scheduling a timer waits for it (at most 30 s): Hangfire being slow.</summary>
    public ManualResetEventSlim? Hold { get; set; }

    /// <summary>Completed once a call has started waiting on <see cref="Hold"/>.</summary>
    public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ScheduleBookmark(string bookmarkId, DateTime resumeAtUtc)
    {
        if (Hold is { } hold)
        {
            Held.TrySetResult();
            hold.Wait(TimeSpan.FromSeconds(30));
        }
        if (Unavailable) throw new InvalidOperationException("The scheduler is unavailable.");
        Bookmarks[bookmarkId] = resumeAtUtc;
    }

    public void UnscheduleBookmark(string bookmarkId) => Bookmarks.TryRemove(bookmarkId, out _);
    public void ScheduleTriggers(string definitionId, IReadOnlyList<ScheduledTrigger> triggers) => Triggers[definitionId] = triggers;
}
