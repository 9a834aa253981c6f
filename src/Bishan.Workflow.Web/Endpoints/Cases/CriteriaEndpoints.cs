using Bishan.Workflow.Cases.Criteria.GetCriteria;
using Bishan.Workflow.Cases.Criteria.PublishCriteria;
using Mediator;

namespace Bishan.Workflow.Web.Endpoints.Cases;

/// <summary>The versioned entry and exit criteria catalogues (入库标准、出库条件).</summary>
internal static class CriteriaEndpoints
{
    public static RouteGroupBuilder MapCriteriaEndpoints(this RouteGroupBuilder api)
    {
        var criteria = api.MapGroup("/criteria").WithTags("Criteria");
        criteria.MapGet("/", async (IMediator mediator, string? kind, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetCriteria(kind), ct)))
            .WithSummary("Every action's entry and exit criteria: the current version with its items and the history (kind=Entry|Exit filters).");
        criteria.MapPost("/{kind}/{action}", async (string kind, string action, CriteriaRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var published = await mediator.Send(new PublishCriteria(kind, action, body.Items, body.Note), ct);
                return TypedResults.Created($"/api/criteria?kind={published.Kind}", published);
            })
            .WithSummary("Publishes a new version of one action's list (administrators); past judgements keep their version.");
        return api;
    }
}

internal sealed record CriteriaRequest(IReadOnlyList<CriterionInput>? Items, string? Note);
