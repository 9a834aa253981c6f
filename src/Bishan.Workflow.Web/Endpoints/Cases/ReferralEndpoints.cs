using Bishan.Workflow.Cases.Referrals.CreateReferral;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bishan.Workflow.Web.Endpoints.Cases;

internal static class ReferralEndpoints
{
    public static RouteGroupBuilder MapReferralEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/referrals", CreateAsync)
            .WithTags("Referrals")
            .WithSummary("Refers a minor: creates the case (Referred) and starts case-intake; 409 with masked candidates when a likely duplicate exists.");
        return api;
    }

    private static async Task<Created<ReferralCreated>> CreateAsync(CreateReferral request, IMediator mediator, CancellationToken ct)
    {
        var created = await mediator.Send(request, ct);
        return TypedResults.Created($"/api/cases/{created.CaseId}", created);
    }
}
