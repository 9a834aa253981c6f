using Bishan.Workflow.Cases.Workflow;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Outbox;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Runtime;
using Microsoft.Extensions.Logging;

namespace Bishan.Workflow.Infrastructure.Cases;

/// <summary>
/// Adapts the runtime's effect hook to the case domain: <see cref="ApplyAsync"/> hands the pass to
/// <see cref="CaseWorkflowBridge"/> inside the pass transaction and turns a refused gate into
/// <see cref="WorkflowEffectRefusedException"/> (the instance faults with the gate's message);
/// <see cref="FollowUps"/> asks the outbox to start requested workflows and publish <c>case-exited</c>.
/// </summary>
internal sealed partial class CasesEffectHandler(CaseWorkflowBridge bridge, ILogger<CasesEffectHandler> logger)
    : IWorkflowEffectHandler
{
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
            LogRefused(logger, pass.DefinitionId, pass.InstanceId, ex.Message);
            throw new WorkflowEffectRefusedException(ex.Message, ex.Code, inner: ex);
        }
    }

    /// <summary>The pass's follow-up starts and events, as outbox rows written in the pass's transaction.</summary>
    public IEnumerable<OutboxIntent> FollowUps(WorkflowPass pass) =>
        CaseWorkflowFollowUps.Of(pass.Effects).Select(f => f switch
        {
            CaseWorkflowFollowUps.Start start => OutboxIntent.Start(start.DefinitionId, start.Input, start.CorrelationId),
            CaseWorkflowFollowUps.Publish publish => OutboxIntent.Publish(publish.EventName, publish.CorrelationId, publish.Input),
            _ => throw new InvalidOperationException($"Unknown follow-up {f.GetType().Name}."),
        });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow {DefinitionId} instance {InstanceId}: {Message}")]
    private static partial void LogRefused(ILogger logger, string definitionId, string instanceId, string message);
}
