using Bishan.Workflow.Cases.Workflow;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bishan.Workflow.Infrastructure.Cases;

/// <summary>
/// Adapts the runtime's effect hook to the case domain: <see cref="ApplyAsync"/> hands the pass to
/// <see cref="CaseWorkflowBridge"/> inside the pass transaction and turns a refused gate into
/// <see cref="WorkflowEffectRefusedException"/> (the instance faults with the gate's message);
/// <see cref="AfterCommitAsync"/> starts requested workflows and publishes <c>case-exited</c>.
/// </summary>
internal sealed class CasesEffectHandler(CaseWorkflowBridge bridge, IServiceProvider services, ILogger<CasesEffectHandler> logger)
    : IWorkflowEffectHandler
{
    private const int FollowUpAttempts = 3;

    public async ValueTask ApplyAsync(BishanDbContext db, WorkflowPass pass, CancellationToken ct)
    {
        var casePass = new CasePass(
            pass.InstanceId,
            pass.DefinitionId,
            pass.CorrelationId,
            pass.Effects,
            pass.Result.AddedBookmarks,
            pass.Result.RemovedBookmarkIds,
            pass.ResumedBookmarkId,
            pass.ResumeInput,
            pass.Result.State.Variables);
        try
        {
            await bridge.ApplyAsync(db, casePass, ct);
        }
        catch (CaseGateException ex)
        {
            logger.LogWarning("Workflow {DefinitionId} instance {InstanceId}: {Message}", pass.DefinitionId, pass.InstanceId, ex.Message);
            throw new WorkflowEffectRefusedException(ex.Message, ex.Code, inner: ex);
        }
    }

    /// <summary>
    /// Runs after the pass is durable. The runtime is resolved here, not injected: it depends on the committer that
    /// depends on this handler. A follow-up that keeps failing is logged and never undoes the committed pass.
    /// </summary>
    public async ValueTask AfterCommitAsync(WorkflowPass pass, CancellationToken ct)
    {
        var actions = CaseWorkflowFollowUps.Of(pass.Effects);
        if (actions.Count == 0) return;
        var runtime = services.GetRequiredService<IWorkflowRuntime>();
        foreach (var action in actions)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await action(runtime, ct);
                    break;
                }
                catch (WorkflowConflictException) when (attempt < FollowUpAttempts)
                {
                    // Another pass of the same instance won; the next attempt reads it afresh.
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Workflow {DefinitionId} instance {InstanceId}: a follow-up after the commit failed",
                        pass.DefinitionId, pass.InstanceId);
                    break;
                }
            }
        }
    }
}
