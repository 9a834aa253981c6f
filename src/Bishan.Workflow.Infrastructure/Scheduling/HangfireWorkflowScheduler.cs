using Bishan.Workflow.Engine.Activities.Scheduling;
using Bishan.Workflow.Engine.Runtime;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;

namespace Bishan.Workflow.Infrastructure.Scheduling;

/// <summary>
/// Delivers timers and schedule triggers through Hangfire. Timer bookmarks become delayed jobs carrying only the
/// bookmark id; cron triggers (and timer intervals with a cron form) become recurring jobs with a stable id per
/// definition and activity in Asia/Shanghai time; other timer intervals and start-at triggers become delayed jobs
/// tracked in a Hangfire hash per definition so that publishing again replaces them instead of adding more.
/// </summary>
internal sealed partial class HangfireWorkflowScheduler(
    JobStorage storage,
    IBackgroundJobClient jobs,
    IRecurringJobManager recurringJobs,
    TimeProvider time,
    ILogger<HangfireWorkflowScheduler> logger) : IWorkflowScheduler
{
    /// <summary>Definitions that have delayed trigger jobs, so start-up can find the ones whose triggers went away.</summary>
    internal const string DelayedTriggerDefinitionsSet = "workflow-trigger-definitions";
    private const string JobIdField = "jobId";

    private static readonly string[] LiveStates = [ScheduledState.StateName, EnqueuedState.StateName, ProcessingState.StateName, AwaitingState.StateName];

    public void ScheduleBookmark(string bookmarkId, DateTime resumeAtUtc)
    {
        // Idempotent: the outbox may deliver the same request twice (a node died after scheduling, before deleting its
        // row); a bookmark whose job is still scheduled, enqueued or running keeps that job.
        using (var existing = storage.GetConnection())
        {
            var current = existing.GetAllEntriesFromHash(TriggerJobIds.BookmarkHash(bookmarkId))?.GetValueOrDefault(JobIdField);
            if (current is not null && IsLive(existing, current)) return;
        }
        var due = DateTime.SpecifyKind(resumeAtUtc, DateTimeKind.Utc);
        // Due already: enqueue, so it does not wait for the next schedule poll.
        var jobId = due <= time.GetUtcNow().UtcDateTime
            ? jobs.Enqueue<WorkflowJobs>(j => j.ResumeBookmarkAsync(bookmarkId))
            : jobs.Schedule<WorkflowJobs>(j => j.ResumeBookmarkAsync(bookmarkId), new DateTimeOffset(WholeSecondNotBefore(due)));
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.SetRangeInHash(TriggerJobIds.BookmarkHash(bookmarkId), [new(JobIdField, jobId)]);
        transaction.Commit();
    }

    /// <summary>
    /// Hangfire keeps a scheduled job's time in whole seconds (truncated), so a timer due at 10:00:02.9 would be enqueued
    /// from 10:00:02.0, before it is due. Scheduling at the next whole second keeps a timer from ever firing early.
    /// </summary>
    internal static DateTime WholeSecondNotBefore(DateTime due)
    {
        var truncated = due.AddTicks(-(due.Ticks % TimeSpan.TicksPerSecond));
        return truncated == due ? due : truncated.AddSeconds(1);
    }

    public void UnscheduleBookmark(string bookmarkId)
    {
        using var connection = storage.GetConnection();
        var jobId = connection.GetAllEntriesFromHash(TriggerJobIds.BookmarkHash(bookmarkId))?.GetValueOrDefault(JobIdField);
        if (jobId is not null) jobs.Delete(jobId);
        ForgetBookmarkJob(bookmarkId);
    }

    internal void ForgetBookmarkJob(string bookmarkId)
    {
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.RemoveHash(TriggerJobIds.BookmarkHash(bookmarkId));
        transaction.Commit();
    }

    public void ScheduleTriggers(string definitionId, IReadOnlyList<ScheduledTrigger> triggers)
    {
        using var connection = storage.GetConnection();
        ReplaceRecurringTriggers(connection, definitionId, triggers);
        ReplaceDelayedTriggers(connection, definitionId, triggers);
    }

    private void ReplaceRecurringTriggers(IStorageConnection connection, string definitionId, IReadOnlyList<ScheduledTrigger> triggers)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var trigger in triggers)
        {
            if (CronOf(trigger) is not { } cron) continue;
            var id = TriggerJobIds.Recurring(definitionId, trigger.ActivityNodeId);
            try
            {
                recurringJobs.AddOrUpdate<WorkflowJobs>(id,
                    j => j.StartFromTriggerAsync(trigger.DefinitionId, trigger.Version, trigger.ActivityNodeId),
                    cron, new RecurringJobOptions { TimeZone = CronSchedule.ChinaTimeZone });
                wanted.Add(id);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
            {
                // Validation rejects bad cron expressions before publishing; this only guards data written by older versions.
                LogCronNotScheduled(logger, ex, id, cron);
            }
        }

        var prefix = TriggerJobIds.RecurringPrefixFor(definitionId);
        foreach (var job in connection.GetRecurringJobs())
            if (job.Id.StartsWith(prefix, StringComparison.Ordinal) && !wanted.Contains(job.Id))
                recurringJobs.RemoveIfExists(job.Id);
    }

    private void ReplaceDelayedTriggers(IStorageConnection connection, string definitionId, IReadOnlyList<ScheduledTrigger> triggers)
    {
        var hashKey = TriggerJobIds.DelayedTriggersHash(definitionId);
        var existing = connection.GetAllEntriesFromHash(hashKey) ?? new Dictionary<string, string>();
        var desired = triggers.Where(t => CronOf(t) is null && t.Kind is TriggerKind.Timer or TriggerKind.StartAt)
            .ToDictionary(TriggerJobIds.TriggerField, StringComparer.Ordinal);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var (field, value) in existing)
        {
            var (jobId, spec) = SplitEntry(value);
            if (desired.TryGetValue(field, out var trigger) && spec == Spec(trigger) && IsLive(connection, jobId))
            {
                // Unchanged and still pending: keep it, so a restart does not shift the timer's phase.
                entries[field] = value;
                desired.Remove(field);
            }
            else
            {
                jobs.Delete(jobId);
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (field, trigger) in desired)
        {
            var jobId = trigger.Kind switch
            {
                TriggerKind.Timer when trigger.Interval is { } interval && interval > TimeSpan.Zero => jobs.Schedule<WorkflowJobs>(
                    j => j.StartFromIntervalTriggerAsync(trigger.DefinitionId, trigger.Version, trigger.ActivityNodeId, interval, null),
                    new DateTimeOffset(FirstTimerRun(trigger, interval, now), TimeSpan.Zero)),
                // A start-at moment that has passed is not fired late: it would start a surprise instance on every publish.
                TriggerKind.StartAt when trigger.StartAtUtc is { } at && DateTime.SpecifyKind(at, DateTimeKind.Utc) > now => jobs.Schedule<WorkflowJobs>(
                    j => j.StartFromTriggerAsync(trigger.DefinitionId, trigger.Version, trigger.ActivityNodeId),
                    new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))),
                _ => null,
            };
            if (jobId is null)
            {
                LogNothingToSchedule(logger, trigger.ActivityNodeId, definitionId);
                continue;
            }
            entries[field] = $"{jobId}|{Spec(trigger)}";
        }

        using var transaction = connection.CreateWriteTransaction();
        transaction.RemoveHash(hashKey);
        if (entries.Count > 0)
        {
            transaction.SetRangeInHash(hashKey, entries);
            transaction.AddToSet(DelayedTriggerDefinitionsSet, definitionId);
        }
        else
        {
            transaction.RemoveFromSet(DelayedTriggerDefinitionsSet, definitionId);
        }
        transaction.Commit();
    }

    /// <summary>Called by an interval job that just fired: schedules the next one unless the trigger was replaced meanwhile.</summary>
    internal void RescheduleIntervalTrigger(string definitionId, int version, string activityNodeId, TimeSpan interval, string currentJobId)
    {
        using var connection = storage.GetConnection();
        var hashKey = TriggerJobIds.DelayedTriggersHash(definitionId);
        var field = TriggerJobIds.Sanitize(activityNodeId);
        var value = connection.GetAllEntriesFromHash(hashKey)?.GetValueOrDefault(field);
        if (value is null || SplitEntry(value).JobId != currentJobId) return;

        var next = time.GetUtcNow() + interval;
        var jobId = jobs.Schedule<WorkflowJobs>(
            j => j.StartFromIntervalTriggerAsync(definitionId, version, activityNodeId, interval, null), next);
        using var transaction = connection.CreateWriteTransaction();
        transaction.SetRangeInHash(hashKey, [new(field, $"{jobId}|{SplitEntry(value).Spec}")]);
        transaction.Commit();
    }

    /// <summary>The moment computed at publish time while it is still ahead, else one interval from now.</summary>
    private static DateTime FirstTimerRun(ScheduledTrigger trigger, TimeSpan interval, DateTime now) =>
        trigger.StartAtUtc is { } at && DateTime.SpecifyKind(at, DateTimeKind.Utc) > now ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : now + interval;

    /// <summary>The cron expression Hangfire gets for a trigger, or null when it is not a recurring job.</summary>
    internal static string? CronOf(ScheduledTrigger trigger) => trigger.Kind switch
    {
        TriggerKind.Cron => trigger.CronExpression?.Trim(),
        TriggerKind.Timer when trigger.Interval is { } interval => IntervalCron.ToCron(interval),
        _ => null,
    };

    private static string Spec(ScheduledTrigger t) => $"{t.Kind}/{t.Version}/{t.Interval?.Ticks}/{t.StartAtUtc?.Ticks}";

    private static (string JobId, string Spec) SplitEntry(string value)
    {
        var bar = value.IndexOf('|');
        return bar < 0 ? (value, "") : (value[..bar], value[(bar + 1)..]);
    }

    private static bool IsLive(IStorageConnection connection, string jobId) =>
        connection.GetStateData(jobId) is { } state && LiveStates.Contains(state.Name, StringComparer.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not schedule cron trigger {TriggerId} ({Cron})")]
    private static partial void LogCronNotScheduled(ILogger logger, Exception exception, string triggerId, string cron);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trigger {ActivityNodeId} of {DefinitionId} has nothing to schedule")]
    private static partial void LogNothingToSchedule(ILogger logger, string activityNodeId, string definitionId);
}
