using System.ComponentModel;
using Bishan.Workflow.Engine.Runtime;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Logging;

namespace Bishan.Workflow.Infrastructure.Scheduling;

/// <summary>
/// The methods Hangfire runs. Arguments are ids only, so a job never carries stale workflow state; the runtime
/// reloads everything and treats a burned bookmark as a no-op, which makes a job that fires twice harmless.
/// </summary>
/// <remarks>
/// Three attempts, not Hangfire's default ten: a workflow fault is recorded as an incident by the runtime, so a
/// job only throws on infrastructure trouble (a locked database, a crash), which either clears quickly or needs a human.
/// </remarks>
internal sealed partial class WorkflowJobs(IWorkflowRuntime runtime, HangfireWorkflowScheduler scheduler, ILogger<WorkflowJobs> logger)
{
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisplayName("Resume bookmark {0}")]
    public async Task ResumeBookmarkAsync(string bookmarkId)
    {
        var result = await runtime.ResumeAsync(bookmarkId, null);
        if (result.Outcome != ResumeOutcome.Resumed)
            LogNotResumed(logger, bookmarkId, result.Outcome);
        scheduler.ForgetBookmarkJob(bookmarkId);
    }

    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisplayName("Start {0} v{1} from trigger {2}")]
    public async Task StartFromTriggerAsync(string definitionId, int version, string activityNodeId)
    {
        var instance = await runtime.StartFromTriggerAsync(definitionId, version, activityNodeId);
        if (instance is null)
            LogStartedNothing(logger, activityNodeId, definitionId, version);
    }

    /// <summary>A timer trigger whose interval has no cron form: start, then schedule the next occurrence.</summary>
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisplayName("Start {0} v{1} from timer {2} every {3}")]
    public async Task StartFromIntervalTriggerAsync(string definitionId, int version, string activityNodeId, TimeSpan interval,
        PerformContext? context)
    {
        // Reschedule first: a failing start must not end the series.
        if (context is not null)
            scheduler.RescheduleIntervalTrigger(definitionId, version, activityNodeId, interval, context.BackgroundJob.Id);
        await StartFromTriggerAsync(definitionId, version, activityNodeId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer bookmark {BookmarkId} was not resumed: {Outcome}")]
    private static partial void LogNotResumed(ILogger logger, string bookmarkId, ResumeOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trigger {ActivityNodeId} of {DefinitionId} v{Version} started nothing (no longer published?)")]
    private static partial void LogStartedNothing(ILogger logger, string activityNodeId, string definitionId, int version);
}
