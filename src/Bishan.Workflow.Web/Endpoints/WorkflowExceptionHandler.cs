using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Engine.Runtime;
using Microsoft.AspNetCore.Diagnostics;

namespace Bishan.Workflow.Web.Endpoints;

/// <summary>Turns the runtime's "unknown" and "wrong state" exceptions into 404 and 409 problem details, and unreadable request bodies into 400.</summary>
internal sealed class WorkflowExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            WorkflowNotFoundException => (StatusCodes.Status404NotFound, "Not found"),
            WorkflowConflictException => (StatusCodes.Status409Conflict, "Conflict"),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request"),
            _ => (0, ""),
        };
        if (status == 0) return false;

        // A body that is not JSON, or a field of the wrong type, is told in the reader's language (the framework's message is English).
        var detail = exception is BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest }
            ? UseCaseStrings.Format("AdminRequestUnreadable")
            : exception.Message;
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
