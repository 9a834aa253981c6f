using System.ComponentModel;
using Bishan.Workflow.Cases.FamilyEducation.Classes.Reminders;
using Bishan.Workflow.Engine.Activities.Scheduling;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bishan.Workflow.Infrastructure.Cases;

/// <summary>
/// The recurring Hangfire job that reminds invited families' caseworkers of tomorrow's parent classes
/// (<see cref="FamilyEducationClassReminders"/>). Hourly in Asia/Shanghai: a class scheduled during the day before is still
/// reminded of, a moved or cancelled class is judged as it is at the time, and a run that fires twice or on two nodes sends nothing more.
/// </summary>
public sealed partial class FamilyEducationClassReminderJob(IServiceScopeFactory scopes, ILogger<FamilyEducationClassReminderJob> logger)
{
    public const string JobId = "cases:family-education-class-reminders";
    public const string Cron = "20 * * * *";

    /// <summary>Registers (or updates) the recurring job; idempotent, so every node may call it at start-up.</summary>
    public static void Schedule(IRecurringJobManager recurringJobs)
    {
        ArgumentNullException.ThrowIfNull(recurringJobs);
        recurringJobs.AddOrUpdate<FamilyEducationClassReminderJob>(JobId, job => job.RunAsync(), Cron,
            new RecurringJobOptions { TimeZone = CronSchedule.ChinaTimeZone });
    }

    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisplayName("Remind caseworkers of tomorrow's parent classes")]
    public async Task RunAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var sent = await scope.ServiceProvider.GetRequiredService<FamilyEducationClassReminders>().RunAsync(CancellationToken.None);
        if (sent > 0) LogSent(logger, sent);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} parent-class reminders")]
    private static partial void LogSent(ILogger logger, int count);
}
