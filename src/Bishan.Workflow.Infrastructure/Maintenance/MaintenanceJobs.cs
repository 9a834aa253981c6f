using Hangfire;

namespace Bishan.Workflow.Infrastructure.Maintenance;

/// <summary>The recurring maintenance jobs Hangfire runs: nightly retention and, on SQLite, the nightly backup.</summary>
public sealed class MaintenanceJobs(RetentionService retention, BackupService backups)
{
    public const string RetentionJobId = "maintenance:retention";
    public const string BackupJobId = "maintenance:backup";

    // A failed night is retried twice, then waits for the next night (Hangfire's default of ten retries would run it all day).
    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task RunRetentionAsync(CancellationToken ct) => retention.RunAsync(SystemActor.Instance, ct);

    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task BackupAsync(CancellationToken ct) => backups.CreateAsync(SystemActor.Instance, ct);
}
