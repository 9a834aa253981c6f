using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Engine.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bishan.Workflow.Web.Endpoints;

/// <summary>Problem answers shared by the endpoint groups.</summary>
internal static class ApiResults
{
    /// <summary>400 with <c>errors: [{ activityId, message }]</c>, the shape the designer highlights activities from.</summary>
    public static ProblemHttpResult Invalid(IReadOnlyList<ValidationError> errors, string title = "The workflow definition is not valid") =>
        TypedResults.Problem(
            title: title,
            detail: string.Join("; ", errors.Select(e => e.Message)),
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(title: "Conflict", detail: detail, statusCode: StatusCodes.Status409Conflict);

    public static Results<Ok<DefinitionCommandResponse>, ProblemHttpResult> FromCommand(DefinitionCommandResult result) =>
        result.Succeeded
            ? TypedResults.Ok(new DefinitionCommandResponse(result.DefinitionId!, result.Version!.Value, result.IsPublished))
            : Invalid(result.Errors);
}

internal sealed record DefinitionCommandResponse(string DefinitionId, int Version, bool IsPublished);
