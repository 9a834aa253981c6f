using Bishan.Workflow.Infrastructure.Persistence;

namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>
/// Applies the side effects activities emitted (<c>ActivityExecutionContext.Emit</c>) inside the transaction
/// that commits the pass, before the instance row is saved: add entities to <paramref name="db"/> or run
/// commands on its connection. If the instance lost a race the whole transaction, effects included, is
/// rolled back and the pass is run again. Register any number; each picks the effect types it knows.
/// </summary>
public interface IWorkflowEffectHandler
{
    ValueTask ApplyAsync(BishanDbContext db, string instanceId, IReadOnlyList<object> effects, CancellationToken ct);
}
