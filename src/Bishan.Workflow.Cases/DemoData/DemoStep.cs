using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Engine.Runtime;

namespace Bishan.Workflow.Cases.DemoData;

/// <summary>
/// What one step of the demo's live work runs with: the services of its own scope, as a request's use case has them, inside
/// that scope's unit of work (its own transaction, the workflow passes joining it, its outbox carried out after the commit).
/// </summary>
public sealed record DemoStep(ICasesDbContext Db, CaseWorkflows Workflows, IWorkflowRuntime Runtime);

/// <summary>Runs <c>work</c> as one use case, in a fresh scope and its unit of work.</summary>
public delegate Task DemoUseCase(Func<DemoStep, CancellationToken, Task> work, CancellationToken ct);
