using System.Collections.Concurrent;
using Bishan.Workflow.Engine.Activities.Scheduling;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bishan.Workflow.LifeTests;

/// <summary>
/// Stands in for Hangfire when time is fake: remembers timer bookmarks and cron triggers, and
/// <see cref="AdvanceAsync"/> moves the clock forward delivering everything that falls due on the way, in
/// time order, through the real runtime — what Hangfire does, without waiting months.
/// </summary>
public sealed class FakeClockScheduler(FakeTimeProvider time) : IWorkflowScheduler, IDisposable
{
    public void Dispose() => _advancing.Dispose();

    private readonly ConcurrentDictionary<string, DateTime> _timers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<ScheduledTrigger>> _triggers = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _advancing = new(1, 1);

    /// <summary>Set once the host is built (the runtime depends on the scheduler, not the other way round).</summary>
    public IServiceProvider? Services { get; set; }

    public IReadOnlyDictionary<string, IReadOnlyList<ScheduledTrigger>> Triggers => _triggers;
    public int PendingTimers => _timers.Count;

    public void ScheduleBookmark(string bookmarkId, DateTime resumeAtUtc) => _timers[bookmarkId] = resumeAtUtc;
    public void UnscheduleBookmark(string bookmarkId) => _timers.TryRemove(bookmarkId, out _);

    public void ScheduleTriggers(string definitionId, IReadOnlyList<ScheduledTrigger> triggers)
    {
        if (triggers.Count == 0) _triggers.TryRemove(definitionId, out _);
        else _triggers[definitionId] = triggers;
    }

    /// <summary>Moves the clock by <paramref name="by"/>, firing due timers and cron occurrences in order.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        await _advancing.WaitAsync();
        try
        {
            var services = Services ?? throw new InvalidOperationException("Services not attached.");
            // Timers of the use cases run so far reach the scheduler through the outbox's pump, after their requests answered.
            await services.GetRequiredService<OutboxDispatcher>().DrainAsync();
            var runtime = services.GetRequiredService<IWorkflowRuntime>();
            var target = time.GetUtcNow().UtcDateTime + by;
            while (true)
            {
                var now = time.GetUtcNow().UtcDateTime;
                var timer = _timers.OrderBy(t => t.Value).Select(t => (Id: t.Key, At: t.Value)).FirstOrDefault();
                var cron = NextCron(now);
                var timerDue = timer.Id is not null && timer.At <= target;
                var cronDue = cron is not null && cron.Value.At <= target;
                if (!timerDue && !cronDue) break;

                if (timerDue && (!cronDue || timer.At <= cron!.Value.At))
                {
                    if (timer.At > now) time.SetUtcNow(timer.At);
                    _timers.TryRemove(timer.Id!, out _);
                    await runtime.ResumeAsync(timer.Id!, null);
                }
                else
                {
                    var (at, trigger) = cron!.Value;
                    time.SetUtcNow(at);
                    await runtime.StartFromTriggerAsync(trigger.DefinitionId, trigger.Version, trigger.ActivityNodeId);
                }
            }
            if (time.GetUtcNow().UtcDateTime < target) time.SetUtcNow(target);
        }
        finally
        {
            _advancing.Release();
        }
    }

    private (DateTime At, ScheduledTrigger Trigger)? NextCron(DateTime nowUtc)
    {
        (DateTime At, ScheduledTrigger Trigger)? best = null;
        foreach (var trigger in _triggers.Values.SelectMany(t => t).Where(t => t.Kind == TriggerKind.Cron && t.CronExpression is not null))
            if (CronSchedule.NextUtc(trigger.CronExpression!, nowUtc) is { } next && (best is null || next < best.Value.At))
                best = (next, trigger);
        return best;
    }
}
