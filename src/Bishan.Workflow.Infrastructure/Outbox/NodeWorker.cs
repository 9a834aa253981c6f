using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bishan.Workflow.Infrastructure.Outbox;

/// <summary>
/// This node's share of the background work on a shared database: every second it carries out outbox rows left over by a
/// crash or a failed attempt; it renews the leases of the instances it is running; and it continues instances that
/// another node left Executing once their lease has expired. Every node runs one; taking a row in the unit of work that
/// does it, and claiming an expired lease with a conditional UPDATE, make each piece of work happen once.
/// </summary>
internal sealed partial class NodeWorker(
    OutboxDispatcher outbox,
    InstanceLeases leases,
    NodeIdentity node,
    IServiceScopeFactory scopes,
    IWorkflowRuntime runtime,
    Nodes.NodeReadiness readiness,
    ILogger<NodeWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not before this node's start-up work is done: the tables may not exist yet.
        if (!await readiness.WaitAsync(stoppingToken)) return;
        var renewEvery = Math.Max(1, (int)(node.LeaseDuration / Tick / 3));
        var recoverEvery = Math.Max(1, (int)(node.LeaseDuration / Tick / 2));
        for (var tick = 1L; !stoppingToken.IsCancellationRequested; tick++)
        {
            try
            {
                await Task.Delay(Tick, stoppingToken);
                await outbox.DispatchDueAsync(stoppingToken);
                if (tick % renewEvery == 0)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await leases.RenewAsync(scope.ServiceProvider.GetRequiredService<BishanDbContext>(), stoppingToken);
                }
                if (tick % recoverEvery == 0)
                {
                    var recovered = await runtime.RecoverInterruptedAsync(stoppingToken);
                    if (recovered > 0) LogRecovered(logger, recovered);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A database that is away for a moment must not stop this node's background work for good.
                LogBackgroundWorkFailed(logger, ex, node.Id);
            }
        }
    }

    /// <summary>
    /// Lets the pump finish the timer rows posted by the last requests before the host goes down (bounded by the host's
    /// shutdown time); what it does not finish stays in the outbox for the next start or another node.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await outbox.WhenPostedDoneAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutdown time is up: the rows are committed and wait for the next start.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Continued {Count} instances whose node stopped running them")]
    private static partial void LogRecovered(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background work of node {Node} failed; trying again")]
    private static partial void LogBackgroundWorkFailed(ILogger logger, Exception exception, string node);
}
