using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Responsibility.GetResponsibilityTree;
using Bishan.Workflow.Cases.Responsibility.GetResponsibilityUnit;
using Bishan.Workflow.Cases.Supervision;
using Bishan.Workflow.Cases.Supervision.GetSupervisionNotice;
using Bishan.Workflow.Cases.Supervision.IssueSupervisionNotice;
using Bishan.Workflow.Cases.Supervision.ListSupervisionNotices;
using Bishan.Workflow.Cases.Tasks.CompleteTask;
using Mediator;

namespace Bishan.Workflow.Web.Endpoints.Cases;

/// <summary>跟踪问效 (the responsibility view and tree) and 督办 (supervision notices), issue 11 points 2 and 3.</summary>
internal static class AccountabilityEndpoints
{
    public static RouteGroupBuilder MapAccountabilityEndpoints(this RouteGroupBuilder api)
    {
        var responsibility = api.MapGroup("/responsibility").WithTags("Accountability");
        responsibility.MapGet("/tree", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetResponsibilityTree(), ct)))
            .WithSummary("The four-level responsibility chain with each unit's figures (a supervisor's tree starts at their unit).");
        responsibility.MapGet("/units/{id}", async (string id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetResponsibilityUnit(id), ct)))
            .WithSummary("One unit's (or team-{id}'s) figures, weekly trend and the items behind them.");

        var supervision = api.MapGroup("/supervision").WithTags("Accountability");
        supervision.MapGet("/", async (string? unitId, string? caseId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListSupervisionNotices(unitId, caseId), ct)))
            .WithSummary("Supervision notices the caller may see, newest first.");
        supervision.MapGet("/{id}", async (string id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetSupervisionNotice(id), ct)))
            .WithSummary("One supervision notice with its answer and review.");
        supervision.MapPost("/", async (NoticeRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var notice = await mediator.Send(new IssueSupervisionNotice(body.UnitId, body.CaseFileNumber, body.TaskId, body.Subject, body.Requirement,
                    body.Deadline), ct);
                return TypedResults.Created($"/api/supervision/{notice.Id}", notice);
            })
            .WithSummary("区督查办 issues a supervision notice to a unit (what, by when).");
        supervision.MapPost("/{id}/answer", async (string id, AnswerRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var task = await OpenTaskAsync(mediator, id, SupervisionState.AnswerNode, ct);
                await mediator.Send(new CompleteTask(task, "Answered", new JsonObject { [SupervisionState.AnswerField] = body.Rectification }, null), ct);
                return TypedResults.Ok(await mediator.Send(new GetSupervisionNotice(id), ct));
            })
            .WithSummary("The unit's supervisor answers with the rectification (completes the answer task).");
        supervision.MapPost("/{id}/review", async (string id, ReviewRequest body, IMediator mediator, CancellationToken ct) =>
            {
                if (body.Outcome is not (SupervisionState.SignOffOutcome or SupervisionState.ReturnOutcome))
                    throw new InvalidInputException(new Dictionary<string, string[]>(StringComparer.Ordinal)
                    {
                        ["outcome"] = [UseCaseStrings.Format("SupervisionReviewOutcome")],
                    });
                var task = await OpenTaskAsync(mediator, id, SupervisionState.ReviewNode, ct);
                await mediator.Send(new CompleteTask(task, body.Outcome, [], body.Comment), ct);
                return TypedResults.Ok(await mediator.Send(new GetSupervisionNotice(id), ct));
            })
            .WithSummary("区督查办 signs the rectification off (SignedOff) or returns it (Returned, with a comment).");
        return api;
    }

    /// <summary>The notice's open task at <paramref name="node"/>; 409 with the notice's state when it is not waiting there.</summary>
    private static async Task<string> OpenTaskAsync(IMediator mediator, string id, string node, CancellationToken ct)
    {
        var notice = await mediator.Send(new GetSupervisionNotice(id), ct);
        var waiting = node == SupervisionState.AnswerNode
            ? notice.Status is SupervisionStatus.Issued or SupervisionStatus.Returned
            : notice.Status == SupervisionStatus.Answered;
        if (!waiting || notice.OpenTaskId is null)
            throw new ConflictException(UseCaseStrings.Format("SupervisionNotAwaiting", notice.Number, notice.StatusLabel));
        return notice.OpenTaskId;
    }
}

internal sealed record NoticeRequest(string? UnitId, string? CaseFileNumber, string? TaskId, string? Subject, string? Requirement, string? Deadline);

internal sealed record AnswerRequest(string? Rectification);

internal sealed record ReviewRequest(string? Outcome, string? Comment);
