using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Tasks.ClaimTask;
using Bishan.Workflow.Cases.Tasks.CommentOnTask;
using Bishan.Workflow.Cases.Tasks.CompleteTask;
using Bishan.Workflow.Cases.Tasks.GetTask;
using Bishan.Workflow.Cases.Tasks.ListTasks;
using Bishan.Workflow.Cases.Tasks.ReassignTask;
using Bishan.Workflow.Cases.Tasks.UnclaimTask;
using Mediator;

namespace Bishan.Workflow.Web.Endpoints.Cases;

internal static class TaskEndpoints
{
    public static RouteGroupBuilder MapTaskEndpoints(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/tasks").WithTags("Tasks");
        tasks.MapGet("/", async (IMediator mediator, string? scope, string? status, int? skip, int? take, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListTasks(scope, status, skip, take), ct)))
            .WithSummary("The inbox: scope=mine|group|all, status=open|done.");
        tasks.MapGet("/{id}", async (string id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetTask(id), ct)))
            .WithSummary("A task with its form, outcomes, comments and a masked case summary.");
        tasks.MapPost("/{id}/claim", async (string id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ClaimTask(id), ct)));
        tasks.MapPost("/{id}/unclaim", async (string id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new UnclaimTask(id), ct)));
        tasks.MapPost("/{id}/reassign", async (string id, ReassignRequest body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ReassignTask(id, body.UserName), ct)));
        tasks.MapPost("/{id}/comment", async (string id, CommentRequest body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new CommentOnTask(id, body.Text), ct)));
        tasks.MapPost("/{id}/complete", async (string id, CompleteRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CompleteTask(id, body.Outcome, body.Data, body.Comment), ct)))
            .WithSummary("Completes the task (resumes its workflow): 400 with field errors, 403 when not yours, 409 when already completed.");
        return api;
    }
}

internal sealed record ReassignRequest(string? UserName);

internal sealed record CommentRequest(string? Text);

internal sealed record CompleteRequest(string? Outcome, JsonObject? Data, string? Comment);
