using Bishan.Workflow.Cases.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace Bishan.Workflow.Web.Endpoints.Cases;

/// <summary>
/// Turns the use cases' exceptions into problem details: invalid input 400 with <c>errors</c>, forbidden 403,
/// not found 404, conflict 409 with the exception's extra members (e.g. duplicate <c>candidates</c>).
/// </summary>
internal sealed class CasesExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, extensions) = exception switch
        {
            InvalidInputException invalid => (StatusCodes.Status400BadRequest, "Invalid input",
                new Dictionary<string, object?> { ["errors"] = invalid.Errors }),
            ForbiddenException => (StatusCodes.Status403Forbidden, "Forbidden", null),
            NotFoundException => (StatusCodes.Status404NotFound, "Not found", null),
            ConflictException conflict => (StatusCodes.Status409Conflict, "Conflict", conflict.Extensions.ToDictionary()),
            _ => (0, "", null),
        };
        if (status == 0) return false;

        httpContext.Response.StatusCode = status;
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = exception.Message },
        };
        foreach (var (key, value) in extensions ?? []) context.ProblemDetails.Extensions[key] = value;
        return await problems.TryWriteAsync(context);
    }
}
