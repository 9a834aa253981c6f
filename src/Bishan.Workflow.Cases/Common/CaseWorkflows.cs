using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Runtime;

namespace Bishan.Workflow.Cases.Common;

/// <summary>Starts the shipped case workflows (correlation id = case id) after checking they can start.</summary>
public sealed class CaseWorkflows(IWorkflowDefinitionService definitions, IWorkflowRuntime runtime, IWorkflowInstanceQueries instances)
{
    public const string CaseIntake = "case-intake";
    public const string TieredEscalation = "tiered-escalation";
    public const string ExitEvaluation = "exit-evaluation";

    /// <exception cref="ConflictException">The workflow has no published version.</exception>
    public async Task EnsurePublishedAsync(string definitionId, CancellationToken ct)
    {
        if (await definitions.GetPublishedAsync(definitionId, ct) is null)
            throw new ConflictException(UseCaseStrings.Format("Workflow_NotPublished", definitionId));
    }

    /// <exception cref="ConflictException">An instance of the workflow is already running for the case.</exception>
    public async Task EnsureNotRunningAsync(string definitionId, string caseId, CancellationToken ct)
    {
        var running = await instances.ListAsync(new InstanceQuery(definitionId, WorkflowStatus.Running, CorrelationId: caseId, Take: 1), ct);
        if (running.Count > 0) throw new ConflictException(UseCaseStrings.Format("Workflow_AlreadyRunning", definitionId));
    }

    public async Task<string> StartAsync(string definitionId, string caseId, IReadOnlyDictionary<string, JsonNode?> input, CancellationToken ct)
    {
        var instance = await runtime.StartAsync(definitionId, input, correlationId: caseId, ct);
        return instance.Id;
    }
}
