using Bishan.Workflow.Cases.Family;
using Bishan.Workflow.Cases.Family.AddFamilyMember;
using Bishan.Workflow.Cases.Family.ChangeFamilyMember;
using Bishan.Workflow.Cases.Family.GetFamily;
using Bishan.Workflow.Cases.Family.RemoveFamilyMember;
using Bishan.Workflow.Cases.Family.RevealFamilyPhone;
using Bishan.Workflow.Cases.Family.SetFamilySituation;
using Mediator;

namespace Bishan.Workflow.Web.Endpoints.Cases;

/// <summary>A case's family (家庭): guardians and household members, guardianship situation, household support, history.</summary>
internal static class FamilyEndpoints
{
    public static RouteGroupBuilder MapFamilyEndpoints(this RouteGroupBuilder api)
    {
        var family = api.MapGroup("/cases/{id}/family").WithTags("Family");
        family.MapGet("/", async (string id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetFamily(id), ct)))
            .WithSummary("The family with phones masked and the history of changes (audited case.family.read).");
        family.MapPut("/situation", async (string id, FamilySituationRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetFamilySituation(id, body.Situation, body.Support), ct)))
            .WithSummary("Sets the guardianship situation and household support; 400 field errors, 409 nothing changed or file closed.");
        family.MapPost("/members", async (string id, FamilyMemberInput body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/cases/{id}/family", await mediator.Send(new AddFamilyMember(id, body), ct)))
            .WithSummary("Adds a guardian or household member; 400 field errors (phone, relationship…), 409 a duplicate.");
        family.MapPut("/members/{memberId:long}", async (string id, long memberId, FamilyMemberInput body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ChangeFamilyMember(id, memberId, body), ct)))
            .WithSummary("Changes a member as a whole; the history keeps what changed.");
        family.MapDelete("/members/{memberId:long}", async (string id, long memberId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RemoveFamilyMember(id, memberId), ct)))
            .WithSummary("Takes a member off the file (kept in the history).");
        family.MapPost("/members/{memberId:long}/phone/reveal", async (string id, long memberId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(new RevealedPhone(await mediator.Send(new RevealFamilyPhone(id, memberId), ct))))
            .WithSummary("The whole phone, audited; 403 unless administrator or the case's caseworker.");
        return api;
    }
}

internal sealed record FamilySituationRequest(string? Situation, string? Support);
