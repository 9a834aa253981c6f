using Bishan.Workflow.Cases.CaseFiles.AddHelpRecord;
using Bishan.Workflow.Cases.CaseFiles.GetCaseFile;
using Bishan.Workflow.Cases.CaseFiles.ListCases;
using Bishan.Workflow.Cases.CaseFiles.RequestEscalation;
using Bishan.Workflow.Cases.CaseFiles.RequestExitEvaluation;
using Bishan.Workflow.Cases.CaseFiles.RevealIdNumber;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.OrgUnits.ListOrgUnits;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bishan.Workflow.Web.Endpoints.Cases;

internal static class CaseEndpoints
{
    public static RouteGroupBuilder MapCaseEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/org-units", async (bool? active, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListOrgUnits(active == true), ct)))
            .WithTags("Org units")
            .WithSummary("The whole organisation, retired units flagged; ?active=true leaves them out (the units a new assignment may name).");

        var cases = api.MapGroup("/cases").WithTags("Cases");
        cases.MapGet("/", ListAsync).WithSummary("Cases in the caller's scope; ID numbers masked.");
        cases.MapGet("/{id}", async (string id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetCaseFile(id), ct)))
            .WithSummary("The case file with its timeline (audited); 403 outside the caller's scope.");
        cases.MapPost("/{id}/id-number/reveal", async (string id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(new RevealedIdNumber(await mediator.Send(new RevealIdNumber(id), ct))))
            .WithSummary("The whole ID number, audited as its own act; 403 unless administrator or the case's caseworker.");
        cases.MapPost("/{id}/escalations", async (string id, EscalationRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted($"/api/cases/{id}", await mediator.Send(new RequestEscalation(id, body.TargetTier, body.Reason), ct)))
            .WithSummary("Starts tiered-escalation towards targetTier (escalation or de-escalation, decided by the approval).");
        cases.MapPost("/{id}/exit-evaluations", async (string id, [FromBody] ExitEvaluationRequest? body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted($"/api/cases/{id}", await mediator.Send(new RequestExitEvaluation(id, body?.Reason), ct)))
            .WithSummary("Starts exit-evaluation for a registered case.");
        cases.MapPost("/{id}/help-records", async (string id, HelpRecordRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new AddHelpRecord(id, body.OccurredOn, body.Kind, body.Content, body.HelperId), ct);
                return TypedResults.Created($"/api/cases/{id}", created);
            })
            .WithSummary("Records help delivered to the minor (帮扶记录).");
        return api;
    }

    private static async Task<Ok<Page<CaseListItem>>> ListAsync(IMediator mediator, string? status, string? action, string? tier,
        string? areaId, string? orgUnitId, string? q, int? skip, int? take, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListCases(status, action, tier, areaId, orgUnitId, q, skip, take), ct));
}

internal sealed record EscalationRequest(string? TargetTier, string? Reason);

internal sealed record ExitEvaluationRequest(string? Reason);

internal sealed record HelpRecordRequest(string? OccurredOn, string? Kind, string? Content, long? HelperId);
