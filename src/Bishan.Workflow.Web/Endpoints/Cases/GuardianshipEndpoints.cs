using Bishan.Workflow.Cases.Guardianship;
using Bishan.Workflow.Cases.Guardianship.ArrangeConsultation;
using Bishan.Workflow.Cases.Guardianship.ChangeEmployer;
using Bishan.Workflow.Cases.Guardianship.CreateEmployer;
using Bishan.Workflow.Cases.Guardianship.GetConsultation;
using Bishan.Workflow.Cases.Guardianship.GetEmployer;
using Bishan.Workflow.Cases.Guardianship.ListConsultations;
using Bishan.Workflow.Cases.Guardianship.ListEmployers;
using Bishan.Workflow.Cases.Guardianship.ProposeConsultation;
using Bishan.Workflow.Cases.Guardianship.RecordConsultation;
using Bishan.Workflow.Cases.Guardianship.RecordFollowUp;
using Bishan.Workflow.Cases.Statistics.GetGuardianshipFigures;
using Mediator;

namespace Bishan.Workflow.Web.Endpoints.Cases;

/// <summary>The parents-return-home guardianship consultation: the employer register (在璧企业) and the consultations.</summary>
internal static class GuardianshipEndpoints
{
    public static RouteGroupBuilder MapGuardianshipEndpoints(this RouteGroupBuilder api)
    {
        var employers = api.MapGroup("/guardianship/employers").WithTags("Guardianship");
        employers.MapGet("/", async (bool? withPlaces, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListEmployers(withPlaces ?? false), ct)))
            .WithSummary("The employer register, contact phones masked; withPlaces=true keeps employers with a job still open.");
        employers.MapGet("/{employerId:long}", async (long employerId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetEmployer(employerId), ct)))
            .WithSummary("One employer; the whole phone for administrators and 区民政局.");
        employers.MapPost("/", async (EmployerInput body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new CreateEmployer(body), ct);
                return TypedResults.Created($"/api/guardianship/employers/{created.Id}", created);
            })
            .WithSummary("Adds an employer with its jobs (administrators, 区民政局); 400 field errors, 409 the name is on the register.");
        employers.MapPut("/{employerId:long}", async (long employerId, EmployerInput body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ChangeEmployer(employerId, body), ct)))
            .WithSummary("Changes an employer as a whole; a job left out closes (or goes, when nobody took it); no phone keeps the stored one.");

        var consultations = api.MapGroup("/guardianship/consultations").WithTags("Guardianship");
        consultations.MapGet("/", async (string? caseId, bool? open, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListConsultations(caseId, open ?? false), ct)))
            .WithSummary("Consultations, newest first: all for 区民政局, else those of cases in scope.");
        consultations.MapGet("/{consultationId:long}", async (long consultationId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetConsultation(consultationId), ct)))
            .WithSummary("One consultation (audited case.guardianship.read).");
        consultations.MapPost("/{consultationId:long}/arrangement", async (long consultationId, ArrangementRequest body, IMediator mediator,
                    CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ArrangeConsultation(consultationId, body.PlannedOn, body.Place, body.JobIds), ct)))
            .WithSummary("区民政局 arranges: day, place, matched jobs; 400 a job unknown or full, a day before the proposal or too far ahead.");
        consultations.MapPost("/{consultationId:long}/record", async (long consultationId, ConsultationRecordRequest body, IMediator mediator,
                    CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RecordConsultation(consultationId, body.HeldOn, body.ParentTookPart, body.EmployerTookPart,
                    body.SchoolTookPart, body.CommunityTookPart, body.Outcome, body.EmployerId, body.JobId, body.EntrustedGuardian, body.Note), ct)))
            .WithSummary("区民政局 records the consultation and its outcome; completes the workflow's task; a returning parent's family record changes.");
        consultations.MapPost("/{consultationId:long}/follow-up", async (long consultationId, FollowUpRequest body, IMediator mediator,
                    CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RecordFollowUp(consultationId, body.ParentAtHome, body.Caring, body.Note), ct)))
            .WithSummary("The three-month review: parent still at home, caring for the child; 409 before it is due.");

        api.MapPost("/cases/{id}/guardianship-consultations", async (string id, ProposalRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var proposed = await mediator.Send(new ProposeConsultation(id, body.ParentMemberId, body.Reason), ct);
                return TypedResults.Created($"/api/guardianship/consultations/{proposed.ConsultationId}", proposed);
            })
            .WithTags("Guardianship")
            .WithSummary("The caseworker proposes a consultation; 400 empty reason, 409 no parent working away or one already open.");
        api.MapGet("/stats/guardianship", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetGuardianshipFigures(), ct)))
            .WithTags("Statistics")
            .WithSummary("Consultations, parents returned, jobs found through the register, per employer (the 专报 section 'guardianship').");
        return api;
    }
}

internal sealed record ArrangementRequest(string? PlannedOn, string? Place, IReadOnlyList<long>? JobIds);

internal sealed record ConsultationRecordRequest(string? HeldOn, bool? ParentTookPart, bool? EmployerTookPart, bool? SchoolTookPart,
    bool? CommunityTookPart, string? Outcome, long? EmployerId, long? JobId, string? EntrustedGuardian, string? Note);

internal sealed record FollowUpRequest(bool? ParentAtHome, bool? Caring, string? Note);

internal sealed record ProposalRequest(long? ParentMemberId, string? Reason);
