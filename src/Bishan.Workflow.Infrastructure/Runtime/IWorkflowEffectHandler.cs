using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Infrastructure.Persistence;

namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>
/// Hears of every committed pass. <see cref="ApplyAsync"/> runs inside the transaction that commits the pass,
/// before the instance row is saved: apply the side effects activities emitted
/// (<c>ActivityExecutionContext.Emit</c>) and react to bookmarks added or removed (e.g. task rows) by adding
/// entities to the context or running commands on its connection. If the instance lost a race the whole
/// transaction, effects included, is rolled back and the pass is run again. <see cref="FollowUps"/> names the work to
/// do once the pass is durable (start other workflows, publish events): written as outbox rows in the pass's transaction
/// and carried out after the commit, exactly once. Register any number. A handler that throws
/// (preferably <see cref="WorkflowEffectRefusedException"/>) refuses the pass: nothing of it is written and the
/// instance is stored faulted, as it was before the pass, with an incident carrying the message.
/// </summary>
public interface IWorkflowEffectHandler
{
    ValueTask ApplyAsync(BishanDbContext db, WorkflowPass pass, CancellationToken ct);

    IEnumerable<Outbox.OutboxIntent> FollowUps(WorkflowPass pass) => [];
}

/// <summary>One committed execution pass of an instance.</summary>
public sealed record WorkflowPass(
    string InstanceId,
    string DefinitionId,
    int DefinitionVersion,
    string? CorrelationId,
    ExecutionResult Result,
    string? ResumedBookmarkId)
{
    public IReadOnlyList<object> Effects => Result.Effects;

    /// <summary>The input the resumed bookmark was resumed with (a task's submission), or null for starts and retries.</summary>
    public JsonNode? ResumeInput { get; init; }
}
