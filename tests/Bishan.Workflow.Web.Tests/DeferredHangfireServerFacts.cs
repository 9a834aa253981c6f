using System.Collections.Concurrent;
using Bishan.Workflow.Infrastructure.Scheduling;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bishan.Workflow.Web.Tests;

/// <summary>
/// Hangfire's server starts after the host has started and after its gate opens (issue 15, start-up): jobs written
/// before that, by a request that schedules a timer while the server is not yet running, are kept and run once it starts.
/// Real Hangfire on a real SQLite file; waits are bounded polls.
/// </summary>
public sealed class DeferredHangfireServerFacts : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bishan-deferred-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task JobsWrittenBeforeTheServerStarts_RunOnceItStarts_AndNothingRunsWhileTheGateIsClosed()
    {
        var gate = new Gate();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<IHangfireServerStartGate>(gate);
        builder.Services.AddWorkflowScheduling(Path.Combine(_folder, "hangfire.db"));
        using var host = builder.Build();
        var jobs = host.Services.GetRequiredService<IBackgroundJobClient>();
        var enqueued = "enqueued-" + Guid.NewGuid().ToString("N");
        var delayed = "delayed-" + Guid.NewGuid().ToString("N");

        // Before the host starts: the storage takes jobs without any server (a timer scheduled by an early request).
        jobs.Enqueue(() => HangfireProbe.Hit(enqueued));
        jobs.Schedule(() => HangfireProbe.Hit(delayed), TimeSpan.FromSeconds(1));
        await host.StartAsync();

        // The host has started, the gate is closed: the server is not running, the jobs wait in storage.
        var monitoring = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        Assert.Empty(monitoring.Servers());
        Assert.Equal(1, monitoring.EnqueuedCount("default"));
        Assert.False(HangfireProbe.Runs.ContainsKey(enqueued));

        gate.Open();
        await WaitUntilAsync(() => HangfireProbe.Runs.ContainsKey(enqueued) && HangfireProbe.Runs.ContainsKey(delayed));
        Assert.Equal(1, HangfireProbe.Runs[enqueued]);
        Assert.Equal(1, HangfireProbe.Runs[delayed]);
        Assert.Single(monitoring.Servers());

        await host.StopAsync();
        Assert.Empty(monitoring.Servers());
    }

    [Fact]
    public async Task AHostStoppedBeforeTheGateOpens_StopsWithoutStartingTheServer()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<IHangfireServerStartGate>(new Gate());
        builder.Services.AddWorkflowScheduling(Path.Combine(_folder, "hangfire-stopped.db"));
        using var host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();

        Assert.Empty(host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "the jobs did not run within the patience");
            await Task.Delay(50);
        }
    }

    private sealed class Gate : IHangfireServerStartGate
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Task WhenOpen => _open.Task;
        public void Open() => _open.TrySetResult();
    }
}

/// <summary>The job of <see cref="DeferredHangfireServerFacts"/>: counts its runs under its key.</summary>
public static class HangfireProbe
{
    public static ConcurrentDictionary<string, int> Runs { get; } = new(StringComparer.Ordinal);

    public static void Hit(string key) => Runs.AddOrUpdate(key, 1, (_, n) => n + 1);
}
