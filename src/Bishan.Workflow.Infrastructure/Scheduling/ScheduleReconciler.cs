using Bishan.Workflow.Engine.Runtime;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bishan.Workflow.Infrastructure.Scheduling;

/// <summary>
/// Makes Hangfire match the database at start-up: every stored timer bookmark has exactly one pending job (overdue
/// ones run now), and recurring jobs are exactly the published triggers. This is what keeps timers firing after a
/// crash between the database commit and the Hangfire write, or after the Hangfire file was lost.
/// </summary>
public sealed partial class ScheduleReconciler(
    IServiceScopeFactory scopes,
    JobStorage storage,
    IBackgroundJobClient jobs,
    IWorkflowScheduler scheduler,
    TimeProvider time,
    ILogger<ScheduleReconciler> logger)
{
    private const int PageSize = 500;

    public async Task ReconcileAsync(CancellationToken ct = default)
    {
        IReadOnlyList<TimerBookmark> bookmarks;
        IReadOnlyList<ScheduledTrigger> triggers;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var source = scope.ServiceProvider.GetRequiredService<IScheduleSource>();
            bookmarks = await source.GetTimerBookmarksAsync(ct);
            triggers = await source.GetPublishedTriggersAsync(ct);
        }

        var pending = PendingBookmarkJobs();
        var now = time.GetUtcNow().UtcDateTime;
        int scheduled = 0, overdue = 0;
        foreach (var bookmark in bookmarks.Where(b => !pending.Contains(b.BookmarkId)))
        {
            if (bookmark.ResumeAtUtc <= now)
            {
                jobs.Enqueue<WorkflowJobs>(j => j.ResumeBookmarkAsync(bookmark.BookmarkId));
                overdue++;
            }
            else
            {
                scheduler.ScheduleBookmark(bookmark.BookmarkId, bookmark.ResumeAtUtc);
                scheduled++;
            }
        }

        var byDefinition = triggers.GroupBy(t => t.DefinitionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ScheduledTrigger>)g.ToList(), StringComparer.Ordinal);
        foreach (var stale in DefinitionsWithScheduledTriggers().Where(d => !byDefinition.ContainsKey(d)))
            byDefinition[stale] = [];
        foreach (var (definitionId, list) in byDefinition)
            scheduler.ScheduleTriggers(definitionId, list);

        LogReconciled(logger, bookmarks.Count, scheduled, overdue, triggers.Count, byDefinition.Count);
    }

    /// <summary>Bookmark ids that already have a scheduled, enqueued or running resume job, read from the monitoring API.</summary>
    private HashSet<string> PendingBookmarkJobs()
    {
        var monitoring = storage.GetMonitoringApi();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        void Collect(Hangfire.Common.Job? job)
        {
            if (job is { Method.Name: nameof(WorkflowJobs.ResumeBookmarkAsync) } && job.Args.Count > 0 && job.Args[0] is string id)
                ids.Add(id);
        }

        for (var from = 0; ; from += PageSize)
        {
            var page = monitoring.ScheduledJobs(from, PageSize);
            foreach (var entry in page) Collect(entry.Value?.Job);
            if (page.Count < PageSize) break;
        }
        foreach (var queue in monitoring.Queues())
            for (var from = 0; ; from += PageSize)
            {
                var page = monitoring.EnqueuedJobs(queue.Name, from, PageSize);
                foreach (var entry in page) Collect(entry.Value?.Job);
                if (page.Count < PageSize) break;
            }
        for (var from = 0; ; from += PageSize)
        {
            var page = monitoring.ProcessingJobs(from, PageSize);
            foreach (var entry in page) Collect(entry.Value?.Job);
            if (page.Count < PageSize) break;
        }
        return ids;
    }

    private HashSet<string> DefinitionsWithScheduledTriggers()
    {
        using var connection = storage.GetConnection();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var job in connection.GetRecurringJobs())
            if (job.Id.StartsWith(TriggerJobIds.RecurringPrefix, StringComparison.Ordinal) && job.Job?.Args.Count > 0 && job.Job.Args[0] is string definitionId)
                ids.Add(definitionId);
        ids.UnionWith(connection.GetAllItemsFromSet(HangfireWorkflowScheduler.DelayedTriggerDefinitionsSet));
        return ids;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Schedules reconciled: {Bookmarks} timer bookmarks ({Scheduled} rescheduled, {Overdue} overdue enqueued), {Triggers} triggers of {Definitions} definitions")]
    private static partial void LogReconciled(ILogger logger, int bookmarks, int scheduled, int overdue, int triggers, int definitions);
}
