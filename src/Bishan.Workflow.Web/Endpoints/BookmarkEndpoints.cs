using System.Text.Json.Nodes;
using Bishan.Workflow.Cases;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Web.Endpoints;

internal static class BookmarkEndpoints
{
    public static RouteGroupBuilder MapBookmarkEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/bookmarks/{bookmarkId}/resume", ResumeAsync)
            .WithTags("Bookmarks")
            .RequireAuthorization(AuthPolicies.Administrator);
        return api;
    }

    private static async Task<Results<Ok<InstanceSummary>, ProblemHttpResult>> ResumeAsync(
        string bookmarkId, [FromBody] ResumeBookmarkRequest? request, IWorkflowRuntime runtime, ICasesDbContext cases, CancellationToken ct)
    {
        // A human task's bookmark is resumed only by completing the task (holder check, form validation, comment rule,
        // audit): resuming it here with a hand-made submission would forge an approval.
        if (await cases.WorkTasks.AsNoTracking().AnyAsync(t => t.BookmarkId == bookmarkId, ct))
            return ApiResults.Conflict($"Bookmark '{bookmarkId}' belongs to a task; complete it through /api/tasks/{bookmarkId}/complete.");
        var result = await runtime.ResumeAsync(bookmarkId, request?.Input, ct);
        return result switch
        {
            { Outcome: ResumeOutcome.Resumed, Instance: { } instance } => TypedResults.Ok(instance),
            { Outcome: ResumeOutcome.NotFound } => ApiResults.NotFound($"Bookmark '{bookmarkId}' was not found."),
            _ => ApiResults.Conflict($"Bookmark '{bookmarkId}' was already resumed."),
        };
    }
}

internal sealed record ResumeBookmarkRequest(JsonNode? Input);
