using Bishan.Workflow.Engine.Runtime;

namespace Bishan.Workflow.Infrastructure.Scheduling;

/// <summary>What the database says should be scheduled: the start-up reconciliation compares it with Hangfire.</summary>
internal interface IScheduleSource
{
    Task<IReadOnlyList<TimerBookmark>> GetTimerBookmarksAsync(CancellationToken ct);

    /// <summary>The schedule triggers of every published version.</summary>
    Task<IReadOnlyList<ScheduledTrigger>> GetPublishedTriggersAsync(CancellationToken ct);
}

internal sealed record TimerBookmark(string BookmarkId, DateTime ResumeAtUtc);
