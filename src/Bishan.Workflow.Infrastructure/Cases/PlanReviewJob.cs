using System.ComponentModel;
using Bishan.Workflow.Cases.Plans.Reviews;
using Bishan.Workflow.Engine.Activities.Scheduling;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bishan.Workflow.Infrastructure.Cases;

/// <summary>
/// The recurring Hangfire job that turns support-plan goals whose review date has come into review tasks
/// (<see cref="PlanReviewTasks"/>). Hourly in Asia/Shanghai, so a review is a task within the hour its district date
/// starts; a missed run (a node down) is caught up by the next, because the sweep takes every goal due up to today.
/// </summary>
public sealed partial class PlanReviewJob(IServiceScopeFactory scopes, ILogger<PlanReviewJob> logger)
{
    public const string JobId = "cases:plan-reviews";
    public const string Cron = "5 * * * *";

    /// <summary>Registers (or updates) the recurring job; idempotent, so every node may call it at start-up.</summary>
    public static void Schedule(IRecurringJobManager recurringJobs)
    {
        ArgumentNullException.ThrowIfNull(recurringJobs);
        recurringJobs.AddOrUpdate<PlanReviewJob>(JobId, job => job.RunAsync(), Cron, new RecurringJobOptions { TimeZone = CronSchedule.ChinaTimeZone });
    }

    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisplayName("Create due support-plan review tasks")]
    public async Task RunAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<PlanReviewTasks>().RunAsync(CancellationToken.None);
        if (created > 0) LogCreated(logger, created);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created {Count} support-plan review tasks")]
    private static partial void LogCreated(ILogger logger, int count);
}
