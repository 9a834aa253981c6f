using Bishan.Workflow.Engine.Definitions;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Engine.Validation;
using Bishan.Workflow.Web.Auth;
using Bishan.Workflow.Web.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bishan.Workflow.Web.Endpoints;

internal static class WorkflowDefinitionEndpoints
{
    /// <summary>Definitions larger than this are refused before parsing (the biggest shipped one is a few hundred KB).</summary>
    private const int MaxDefinitionBytes = 8 * 1024 * 1024;

    public static RouteGroupBuilder MapWorkflowDefinitionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workflow-definitions")
            .WithTags("Workflow definitions")
            .RequireAuthorization(AuthPolicies.Administrator);

        group.MapPost("/import", ImportAsync)
            .Accepts<JsonObject>("application/json")
            .WithSummary("Imports one Elsa 3 definition document as a new version: a new definition is published, a new version of an existing one is a draft (override with ?publish=).");
        group.MapGet("/", ListAsync);
        group.MapGet("/{definitionId}", GetAsync).WithSummary("The definition JSON of a version (latest when no version is given).");
        group.MapGet("/{definitionId}/versions", ListVersionsAsync);
        group.MapPost("/{definitionId}/publish", PublishAsync);
        group.MapPost("/{definitionId}/retract", RetractAsync);
        group.MapPost("/{definitionId}/revert/{version:int}", RevertAsync);
        group.MapDelete("/{definitionId}/versions/{version:int}", DeleteDraftAsync)
            .WithSummary("Deletes a draft version: 204; 409 when it is published or has instances; 404 when unknown.");
        group.MapGet("/{definitionId}/export", ExportAsync);
        group.MapPost("/{definitionId}/execute", ExecuteAsync);
        return api;
    }

    // The body is read raw: the document is stored as imported (unknown properties included), and a BOM is tolerated.
    private static async Task<Results<Ok<DefinitionCommandResponse>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, IWorkflowDefinitionService definitions, ClaimsPrincipal user, bool? publish, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxDefinitionBytes)
            return TypedResults.Problem(title: "Too large", statusCode: StatusCodes.Status413PayloadTooLarge);
        var json = Utf8Text.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        if (string.IsNullOrWhiteSpace(json))
            return ApiResults.Invalid([new ValidationError(null, "The request body is empty: send one workflow definition JSON document.")]);
        // A re-import must not silently change what running cases get: it is a draft unless asked otherwise.
        publish ??= WorkflowJsonReader.Parse(json).Definition?.DefinitionId is not { Length: > 0 } id
                    || await definitions.GetAsync(id, null, ct) is null;
        var result = await definitions.ImportAsync(json, publish.Value, user.Identity?.Name, ct);
        return ApiResults.FromCommand(result);
    }

    private static async Task<Ok<IReadOnlyList<DefinitionSummary>>> ListAsync(IWorkflowDefinitionService definitions, CancellationToken ct) =>
        TypedResults.Ok(await definitions.ListAsync(ct));

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(
        string definitionId, int? version, IWorkflowDefinitionService definitions, CancellationToken ct)
    {
        var document = await definitions.GetAsync(definitionId, version, ct);
        return document is null
            ? ApiResults.NotFound(NotFoundText(definitionId, version))
            : TypedResults.Text(document.Json, "application/json", Encoding.UTF8);
    }

    private static async Task<Results<Ok<IReadOnlyList<DefinitionVersionInfo>>, ProblemHttpResult>> ListVersionsAsync(
        string definitionId, IWorkflowDefinitionService definitions, CancellationToken ct)
    {
        var versions = await definitions.ListVersionsAsync(definitionId, ct);
        return versions.Count == 0 ? ApiResults.NotFound(NotFoundText(definitionId, null)) : TypedResults.Ok(versions);
    }

    private static async Task<Results<Ok<DefinitionCommandResponse>, ProblemHttpResult>> PublishAsync(
        string definitionId, int? version, IWorkflowDefinitionService definitions, ClaimsPrincipal user, CancellationToken ct) =>
        ApiResults.FromCommand(await definitions.PublishAsync(definitionId, version, user.Identity?.Name, ct));

    private static async Task<Results<Ok<DefinitionCommandResponse>, ProblemHttpResult>> RetractAsync(
        string definitionId, IWorkflowDefinitionService definitions, ClaimsPrincipal user, CancellationToken ct) =>
        ApiResults.FromCommand(await definitions.RetractAsync(definitionId, user.Identity?.Name, ct));

    private static async Task<Results<Ok<DefinitionCommandResponse>, ProblemHttpResult>> RevertAsync(
        string definitionId, int version, IWorkflowDefinitionService definitions, ClaimsPrincipal user, CancellationToken ct) =>
        ApiResults.FromCommand(await definitions.RevertAsync(definitionId, version, user.Identity?.Name, ct));

    // Conflicts and unknown versions are thrown and answered 409 / 404 by WorkflowExceptionHandler.
    private static async Task<NoContent> DeleteDraftAsync(
        string definitionId, int version, IWorkflowDefinitionService definitions, ClaimsPrincipal user, CancellationToken ct)
    {
        await definitions.DeleteDraftAsync(definitionId, version, user.Identity?.Name, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        string definitionId, int? version, IWorkflowDefinitionService definitions, CancellationToken ct)
    {
        var document = await definitions.GetAsync(definitionId, version, ct);
        if (document is null) return ApiResults.NotFound(NotFoundText(definitionId, version));
        return TypedResults.File(Encoding.UTF8.GetBytes(document.Json), "application/json",
            $"{document.Info.DefinitionId}-v{document.Info.Version}.json");
    }

    private static async Task<Results<Ok<ExecuteResponse>, ProblemHttpResult>> ExecuteAsync(
        string definitionId, [FromBody] ExecuteRequest? request, IWorkflowRuntime runtime, CancellationToken ct)
    {
        if (ValueLengthRule.Check("correlationId", request?.CorrelationId) is { } tooLong)
            return ApiResults.Invalid([tooLong], "The request is not valid");
        var instance = await runtime.StartAsync(definitionId, request?.Input, request?.CorrelationId, ct);
        return TypedResults.Ok(new ExecuteResponse(instance.Id, instance.Status, instance.SubStatus));
    }

    private static string NotFoundText(string definitionId, int? version) =>
        version is null ? $"Workflow definition '{definitionId}' was not found." : $"Version {version} of workflow definition '{definitionId}' was not found.";
}

internal sealed record ExecuteRequest(Dictionary<string, JsonNode?>? Input, string? CorrelationId);

internal sealed record ExecuteResponse(string InstanceId, Engine.Execution.WorkflowStatus Status, Engine.Execution.WorkflowSubStatus SubStatus);
