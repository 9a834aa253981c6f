using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bishan.Workflow.Web.Endpoints;

internal static class WorkflowInstanceEndpoints
{
    private const int MaxPageSize = 500;

    public static RouteGroupBuilder MapWorkflowInstanceEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workflow-instances")
            .WithTags("Workflow instances")
            .RequireAuthorization(AuthPolicies.Administrator);

        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapGet("/{id}/journal", GetJournalAsync);
        group.MapPost("/{id}/retry", async (string id, IWorkflowRuntime runtime, CancellationToken ct) =>
            TypedResults.Ok(await runtime.RetryAsync(id, ct)));
        group.MapPost("/{id}/cancel", async (string id, IWorkflowRuntime runtime, CancellationToken ct) =>
            TypedResults.Ok(await runtime.CancelAsync(id, ct)));
        return api;
    }

    private static async Task<Ok<IReadOnlyList<InstanceSummary>>> ListAsync(
        IWorkflowInstanceQueries queries, string? definitionId, WorkflowStatus? status, WorkflowSubStatus? subStatus,
        string? correlationId, int? skip, int? take, CancellationToken ct)
    {
        var query = new InstanceQuery(definitionId, status, subStatus, correlationId,
            Math.Max(0, skip ?? 0), Math.Clamp(take ?? 50, 1, MaxPageSize));
        return TypedResults.Ok(await queries.ListAsync(query, ct));
    }

    private static async Task<Results<Ok<InstanceDetails>, ProblemHttpResult>> GetAsync(
        string id, IWorkflowInstanceQueries queries, IWorkflowDefinitionService definitions, CancellationToken ct)
    {
        var instance = await queries.GetAsync(id, ct);
        if (instance is null) return ApiResults.NotFound($"Workflow instance '{id}' was not found.");
        var names = await VariableNamesAsync(definitions, instance.DefinitionId, instance.Version, ct);
        // The runtime keys variables by id (ids survive renames); callers think in names.
        var variables = instance.Variables.ToDictionary(v => names.GetValueOrDefault(v.Key, v.Key), v => v.Value);
        return TypedResults.Ok(instance with { Variables = variables });
    }

    private static async Task<Results<Ok<IReadOnlyList<JournalEntry>>, ProblemHttpResult>> GetJournalAsync(
        string id, IWorkflowInstanceQueries queries, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is null) return ApiResults.NotFound($"Workflow instance '{id}' was not found.");
        return TypedResults.Ok(await queries.GetJournalAsync(id, ct));
    }

    private static async Task<IReadOnlyDictionary<string, string>> VariableNamesAsync(
        IWorkflowDefinitionService definitions, string definitionId, int version, CancellationToken ct)
    {
        var document = await definitions.GetAsync(definitionId, version, ct);
        var definition = document is null ? null : WorkflowJsonReader.Parse(document.Json).Definition;
        if (definition is null) return new Dictionary<string, string>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in definition.AllVariables())
            names.TryAdd(variable.Id, variable.Name);
        return names;
    }
}
