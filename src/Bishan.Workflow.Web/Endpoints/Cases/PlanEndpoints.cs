using Bishan.Workflow.Cases.CaseFiles.GetCaseFile;
using Bishan.Workflow.Cases.Plans.RevisePlan;
using Mediator;

namespace Bishan.Workflow.Web.Endpoints.Cases;

/// <summary>A case's support plan (帮扶方案, 一人一策): read with the file, revised as a whole.</summary>
internal static class PlanEndpoints
{
    public static RouteGroupBuilder MapPlanEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Support plans");
        cases.MapGet("/{id}/plan", async (string id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok((await mediator.Send(new GetCaseFile(id), ct)).SupportPlan))
            .WithSummary("The plan: current goals and every version (audited as a file read).");
        cases.MapPut("/{id}/plan", async (string id, PlanRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RevisePlan(id, body.Goals, body.Note), ct)))
            .WithSummary("A new version from the whole list of goals; 400 field errors (goals[i].helperId not on the team, goals[i].reviewOn in the past); 409 when nothing changed.");
        return api;
    }
}

internal sealed record PlanRequest(IReadOnlyList<PlanGoalInput>? Goals, string? Note);
