using Bishan.Workflow.Cases.FamilyEducation.DecideReferral;
using Bishan.Workflow.Cases.FamilyEducation.EvaluateReferral;
using Bishan.Workflow.Cases.FamilyEducation.GetReferral;
using Bishan.Workflow.Cases.FamilyEducation.ListReferrals;
using Bishan.Workflow.Cases.FamilyEducation.PlanGuidance;
using Bishan.Workflow.Cases.FamilyEducation.RecordSession;
using Bishan.Workflow.Cases.FamilyEducation.ReferFamily;
using Bishan.Workflow.Cases.FamilyEducation.RevealGuidancePhone;
using Mediator;

namespace Bishan.Workflow.Web.Endpoints.Cases;

/// <summary>The family-education guidance centre (家庭教育指导中心): referrals of a case's family to a sub-centre, their decision, plan, sessions and evaluation.</summary>
internal static class FamilyEducationEndpoints
{
    public static RouteGroupBuilder MapFamilyEducationEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{id}/family-education", async (string id, FamilyEducationReferRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var referral = await mediator.Send(new ReferFamilyForGuidance(id, body.Reason), ct);
                return TypedResults.Created($"/api/family-education/referrals/{referral.Id}", referral);
            })
            .WithTags("FamilyEducation")
            .WithSummary("Refers the case's family to its area's sub-centre with a reason (starts family-education-referral); 409 while one is open.");

        var referrals = api.MapGroup("/family-education/referrals").WithTags("FamilyEducation");
        referrals.MapGet("/", async (string? caseId, string? status, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListFamilyEducationReferrals(caseId, status), ct)))
            .WithSummary("The referrals the caller may see: a sub-centre its own, the centre all, others their cases'.");
        referrals.MapGet("/{id}", async (string id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetFamilyEducationReferral(id), ct)))
            .WithSummary("One referral: minor, school, family (phones masked), reason, plan, sessions, evaluation; audited.");
        referrals.MapPost("/{id}/decision", async (string id, FamilyEducationDecisionRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new DecideFamilyEducationReferral(id, body.ReferralDecision, body.Reason), ct)))
            .WithSummary("The sub-centre accepts (Accept) or declines (Decline, with a reason) the referral.");
        referrals.MapPut("/{id}/plan", async (string id, FamilyEducationPlanRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new PlanFamilyGuidance(id, body.GuidanceKinds, body.Note), ct)))
            .WithSummary("Plans the guidance: Individual, ParentClass, HomeVisit, and a note.");
        referrals.MapPost("/{id}/sessions", async (string id, FamilyEducationSessionRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/family-education/referrals/{id}",
                    await mediator.Send(new RecordGuidanceSession(id, body.Kind, body.SessionDate, body.Content, body.AttendeeMemberIds, body.InvitedMemberIds), ct)))
            .WithSummary("Records a session with who of the family came.");
        referrals.MapPost("/{id}/evaluation", async (string id, FamilyEducationEvaluationRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new EvaluateFamilyEducationReferral(id, body.ParentingChange, body.Note), ct)))
            .WithSummary("Evaluates the change in parenting when it is due (Improved, PartlyImproved, NotImproved).");
        referrals.MapPost("/{id}/members/{memberId:long}/phone/reveal", async (string id, long memberId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(new RevealedPhone(await mediator.Send(new RevealGuidancePhone(id, memberId), ct))))
            .WithSummary("The whole phone for the sub-centre guiding the family, audited.");
        return api;
    }
}

internal sealed record FamilyEducationReferRequest(string? Reason);

internal sealed record FamilyEducationDecisionRequest(string? ReferralDecision, string? Reason);

internal sealed record FamilyEducationPlanRequest(IReadOnlyList<string>? GuidanceKinds, string? Note);

internal sealed record FamilyEducationSessionRequest(string? Kind, string? SessionDate, string? Content, IReadOnlyList<long>? AttendeeMemberIds,
    IReadOnlyList<long>? InvitedMemberIds);

internal sealed record FamilyEducationEvaluationRequest(string? ParentingChange, string? Note);
