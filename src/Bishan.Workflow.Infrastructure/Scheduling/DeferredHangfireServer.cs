using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bishan.Workflow.Infrastructure.Scheduling;

/// <summary>
/// What the Hangfire server waits for before it starts (issue 15, start-up): the host registers one to let the first
/// page render before the server's threads compete with it. Without one the server starts as soon as the host has
/// started.
/// </summary>
public interface IHangfireServerStartGate
{
    /// <summary>Completes when the server may start; it never faults.</summary>
    Task WhenOpen { get; }
}

/// <summary>
/// Hangfire's server, started after the host has started instead of before it answers (issue 15, start-up): its threads,
/// its storage heartbeat and the code they compile no longer fall on the start-up path. Nothing is lost meanwhile:
/// Hangfire's storage takes jobs without a server (a request that schedules a timer writes its job; the server runs it
/// once it starts), the schedule reconciler has run under the start-up lock before the host answers, and a job due while
/// the server was down runs as soon as it polls. It stops like the server it wraps, waiting for its start first.
/// </summary>
internal sealed partial class DeferredHangfireServer(
    Func<IServiceProvider, object> createServer,
    IServiceProvider services,
    ILogger<DeferredHangfireServer> logger) : IHostedLifecycleService, IDisposable
{
    /// <summary>The longest the server waits for the gate; the first page is warm long before on any sane machine.</summary>
    internal static readonly TimeSpan GateTimeout = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Task? _start;
    private IHostedService? _server;

    /// <summary>Completes once the server has started (or was never started because the host stopped first).</summary>
    internal Task Started
    {
        get
        {
            lock (_gate) return _start ?? Task.CompletedTask;
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        lock (_gate) _start ??= Task.Run(StartServerAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StartServerAsync()
    {
        try
        {
            if (services.GetService<IHangfireServerStartGate>() is { } gate)
                await gate.WhenOpen.WaitAsync(GateTimeout, _stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (_stopping.IsCancellationRequested) return;
            var server = (IHostedService)createServer(services);
            await server.StartAsync(_stopping.Token);
            lock (_gate) _server = server;
            LogStarted(logger);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The host stopped before the server started.
        }
        catch (Exception ex)
        {
            // Jobs stay in storage; the next start runs them. The node keeps answering requests meanwhile.
            LogStartFailed(logger, ex);
        }
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Started.WaitAsync(cancellationToken);
        IHostedService? server;
        lock (_gate) server = _server;
        if (server is not null) await server.StopAsync(cancellationToken);
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        IHostedService? server;
        lock (_gate) server = _server;
        (server as IDisposable)?.Dispose();
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hangfire's server started after the host")]
    private static partial void LogStarted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hangfire's server could not start; stored jobs wait for the next start")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);
}
