using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Engine.Validation;
using Bishan.Workflow.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bishan.Workflow.Web.Endpoints;

internal static class EventEndpoints
{
    public static RouteGroupBuilder MapEventEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/events/{eventName}/trigger", TriggerAsync)
            .WithTags("Events")
            .RequireAuthorization(AuthPolicies.Administrator)
            .WithSummary("Resumes matching Event bookmarks and starts workflows triggered by the event. "
                         + "Without a correlation id or instance id it reaches every bookmark and trigger of the event.");
        return api;
    }

    private static async Task<Results<Ok<TriggerResult>, ProblemHttpResult>> TriggerAsync(
        string eventName, [FromBody] TriggerEventRequest? request, IWorkflowRuntime runtime, CancellationToken ct)
    {
        ValidationError?[] checks =
        [
            ValueLengthRule.Check("eventName", eventName),
            ValueLengthRule.Check("correlationId", request?.CorrelationId),
            ValueLengthRule.Check("workflowInstanceId", request?.WorkflowInstanceId),
        ];
        if (checks.OfType<ValidationError>().ToList() is { Count: > 0 } errors) return ApiResults.Invalid(errors, "The event is not valid");
        return TypedResults.Ok(await runtime.TriggerEventAsync(eventName, request?.CorrelationId, request?.WorkflowInstanceId, request?.Input, ct));
    }
}

internal sealed record TriggerEventRequest(string? CorrelationId, string? WorkflowInstanceId, JsonNode? Input);
