using System.Collections.Concurrent;
using Bishan.Workflow.Engine.Runtime;

namespace Bishan.Workflow.IntegrationTests.Persistence;

/// <summary>Remembers what the runtime asked the scheduler to do.</summary>
internal sealed class RecordingScheduler : IWorkflowScheduler
{
    public ConcurrentDictionary<string, DateTime> Bookmarks { get; } = new();
    public ConcurrentDictionary<string, IReadOnlyList<ScheduledTrigger>> Triggers { get; } = new();

    public void ScheduleBookmark(string bookmarkId, DateTime resumeAtUtc) => Bookmarks[bookmarkId] = resumeAtUtc;
    public void UnscheduleBookmark(string bookmarkId) => Bookmarks.TryRemove(bookmarkId, out _);
    public void ScheduleTriggers(string definitionId, IReadOnlyList<ScheduledTrigger> triggers) => Triggers[definitionId] = triggers;
}
