using System.ComponentModel;
using Bishan.Workflow.Cases.Plans.Reviews;
using Bishan.Workflow.Engine.Activities.Scheduling;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bishan.Workflow.Infrastructure.Cases;

/// <summary>
/// The weekly overdue digest (<see cref="Bishan.Workflow.Cases.Responsibility.OverdueDigest"/>): Mondays at 08:00 Asia/Shanghai, to
/// each late unit's supervisors and to 区督查办 (issue 11 point 2). Running twice in a week writes nothing more.
/// </summary>
public sealed partial class OverdueDigestJob(IServiceScopeFactory scopes, ILogger<OverdueDigestJob> logger)
{
    public const string JobId = "cases:overdue-digest";
    public const string Cron = "0 8 * * 1";

    /// <summary>Registers (or updates) the recurring job; idempotent, so every node may call it at start-up.</summary>
    public static void Schedule(IRecurringJobManager recurringJobs)
    {
        ArgumentNullException.ThrowIfNull(recurringJobs);
        recurringJobs.AddOrUpdate<OverdueDigestJob>(JobId, job => job.RunAsync(), Cron, new RecurringJobOptions { TimeZone = CronSchedule.ChinaTimeZone });
    }

    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisplayName("Weekly overdue digest to unit supervisors and the supervision office")]
    public async Task RunAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<Bishan.Workflow.Cases.Responsibility.OverdueDigest>().RunAsync(CancellationToken.None);
        if (created > 0) LogCreated(logger, created);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} weekly overdue digest notifications")]
    private static partial void LogCreated(ILogger logger, int count);
}
