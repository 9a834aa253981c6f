using Bishan.Workflow.Cases.Helpers.AssignHelper;
using Bishan.Workflow.Cases.Helpers.CreateHelper;
using Bishan.Workflow.Cases.Helpers.GetHelper;
using Bishan.Workflow.Cases.Helpers.ListHelpers;
using Bishan.Workflow.Cases.Helpers.ReleaseHelper;
using Bishan.Workflow.Cases.Helpers.UpdateHelper;
using Mediator;

namespace Bishan.Workflow.Web.Endpoints.Cases;

/// <summary>The helper resource pool (帮扶资源库) and case helper teams.</summary>
internal static class PoolEndpoints
{
    public static RouteGroupBuilder MapPoolEndpoints(this RouteGroupBuilder api)
    {
        var helpers = api.MapGroup("/helpers").WithTags("Resource pool");
        helpers.MapGet("/", async (IMediator mediator, string? kind, string? orgUnitId, string? q, bool? active, int? skip, int? take, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListHelpers(kind, orgUnitId, q, active, skip, take), ct)))
            .WithSummary("The pool with each helper's workload (open cases, help records in the last 30 days).");
        helpers.MapGet("/{id:long}", async (long id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetHelper(id), ct)))
            .WithSummary("A helper with the cases in the caller's scope they are on (audited).");
        helpers.MapPost("/", async (HelperRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new CreateHelper(body.Name, body.Kind, body.OrgUnitId, body.TeamName, body.Phone, body.Specialty), ct);
                return TypedResults.Created($"/api/helpers/{created.Id}", created);
            })
            .WithSummary("Adds a helper (administrators; supervisors within their unit).");
        helpers.MapPut("/{id:long}", async (long id, HelperRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateHelper(id, body.Name, body.Kind, body.OrgUnitId, body.TeamName, body.Phone, body.Specialty,
                    body.Active), ct)))
            .WithSummary("Replaces a helper's details; active=false retires them.");

        var team = api.MapGroup("/cases/{id}/helpers").WithTags("Cases");
        team.MapPost("/", async (string id, TeamRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/cases/{id}", await mediator.Send(new AssignHelper(id, body.HelperId, body.Role), ct)))
            .WithSummary("Puts a helper on the case's team (caseworker, coordinating body's supervisors, administrators).");
        team.MapDelete("/{helperId:long}", async (string id, long helperId, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ReleaseHelper(id, helperId), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Takes a helper off the case's team (kept in the history).");
        return api;
    }
}

internal sealed record HelperRequest(string? Name, string? Kind, string? OrgUnitId, string? TeamName, string? Phone, string? Specialty, bool? Active);

internal sealed record TeamRequest(long? HelperId, string? Role);
