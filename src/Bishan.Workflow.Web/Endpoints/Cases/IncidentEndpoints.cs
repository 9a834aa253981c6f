using Bishan.Workflow.Cases.Incidents.GetIncident;
using Bishan.Workflow.Cases.Incidents.GetOutcomeIndicators;
using Bishan.Workflow.Cases.Incidents.ListIncidents;
using Bishan.Workflow.Cases.Incidents.RecordIncident;
using Mediator;

namespace Bishan.Workflow.Web.Endpoints.Cases;

/// <summary>The incident register (事件登记) and the outcome indicators (成效指标) it feeds.</summary>
internal static class IncidentEndpoints
{
    public static RouteGroupBuilder MapIncidentEndpoints(this RouteGroupBuilder api)
    {
        var incidents = api.MapGroup("/incidents").WithTags("Incidents");
        incidents.MapPost("", async (IncidentRequest body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var created = await mediator.Send(new RecordIncident(body.Kind, body.OccurredOn, body.AreaId, body.SchoolId, body.MinorInRegister,
                    body.CaseFileNumber, body.ReportingBodyId, body.Description), cancellationToken);
                return TypedResults.Created($"/api/incidents/{created.Id}", created);
            })
            .WithSummary("Records an incident (administrators; users of 区委政法委, 区公安局, 区卫健委, 区教委 for their body).");
        incidents.MapGet("", async (IMediator mediator, string? kind, string? areaId, string? from, string? to, int? skip, int? take,
                    CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new ListIncidents(kind, areaId, from, to, skip, take), cancellationToken)))
            .WithSummary("Incidents, newest first, without the linked case (district-wide readers all, a reporting body its own).");
        incidents.MapGet("/{id:long}", async (long id, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new GetIncident(id), cancellationToken)))
            .WithSummary("One incident with its linked case; audited on the case.");
        api.MapGet("/stats/outcomes", async (IMediator mediator, string? from, string? to, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new GetOutcomeIndicators(from, to), cancellationToken)))
            .WithTags("Statistics")
            .WithSummary("Outcome indicators for a period against the same period a year earlier: counts and rates per 10,000 minors.");
        return api;
    }
}

internal sealed record IncidentRequest(string? Kind, string? OccurredOn, string? AreaId, string? SchoolId, bool? MinorInRegister,
    string? CaseFileNumber, string? ReportingBodyId, string? Description);
