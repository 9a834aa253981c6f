using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bishan.Workflow.Infrastructure.Diagnostics;

/// <summary>Ready when Hangfire's storage answers (timers, recurring meetings and outbox jobs live there).</summary>
public sealed class HangfireStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // A cheap read through the storage's own connection: the number of servers with a recent heartbeat.
            var servers = storage.GetMonitoringApi().Servers().Count;
            return Task.FromResult(servers > 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Degraded("Hangfire storage answers, but no Hangfire server is running."));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Hangfire storage does not answer."));
        }
    }
}
