using Bishan.Workflow.Cases.Retention;
using Bishan.Workflow.Engine.Activities.Scheduling;
using Hangfire;

namespace Bishan.Workflow.Infrastructure.Maintenance;

/// <summary>
/// Puts the maintenance jobs on Hangfire's calendar at start-up (stable ids, so every node and every restart updates the
/// same two jobs), in Asia/Shanghai time. The backup job exists on SQLite only; on PostgreSQL it is removed.
/// </summary>
public sealed class MaintenanceSchedule(IRecurringJobManager jobs, RetentionOptions retention, BackupOptions backup)
{
    public void Apply()
    {
        var zone = new RecurringJobOptions { TimeZone = CronSchedule.ChinaTimeZone };
        jobs.AddOrUpdate<MaintenanceJobs>(MaintenanceJobs.RetentionJobId, j => j.RunRetentionAsync(CancellationToken.None), retention.Cron, zone);
        if (backup.IsSupported)
            jobs.AddOrUpdate<MaintenanceJobs>(MaintenanceJobs.BackupJobId, j => j.BackupAsync(CancellationToken.None), backup.Cron, zone);
        else
            jobs.RemoveIfExists(MaintenanceJobs.BackupJobId);
    }
}
