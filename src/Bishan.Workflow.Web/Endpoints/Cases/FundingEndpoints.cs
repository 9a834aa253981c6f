using Bishan.Workflow.Cases.Funding.CreateBudgetLine;
using Bishan.Workflow.Cases.Funding.ListBudgetLines;
using Bishan.Workflow.Cases.Funding.ListExpenditures;
using Bishan.Workflow.Cases.Funding.PaySubsidy;
using Bishan.Workflow.Cases.Funding.RecordExpenditure;
using Bishan.Workflow.Cases.Funding.RequestSubsidy;
using Mediator;

namespace Bishan.Workflow.Web.Endpoints.Cases;

/// <summary>Funding (经费): budget lines, expenditures and subsidies to families.</summary>
internal static class FundingEndpoints
{
    public static RouteGroupBuilder MapFundingEndpoints(this RouteGroupBuilder api)
    {
        var funding = api.MapGroup("/funding").WithTags("Funding");
        funding.MapGet("/budget-lines", async (IMediator mediator, int? year, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListBudgetLines(year), ct)))
            .WithSummary("Budget lines with spent and remaining.");
        funding.MapPost("/budget-lines", async (BudgetLineRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new CreateBudgetLine(body.Year, body.Name, body.OrgUnitId, body.Amount, body.Notes), ct);
                return TypedResults.Created($"/api/funding/budget-lines", created);
            })
            .WithSummary("Opens a budget line (administrators).");
        funding.MapGet("/expenditures", async (IMediator mediator, long? budgetLineId, string? caseId, int? skip, int? take, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListExpenditures(budgetLineId, caseId, skip, take), ct)))
            .WithSummary("Expenditures, newest first (administrators, supervisors, leaders, secretary).");
        funding.MapPost("/expenditures", async (ExpenditureRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new RecordExpenditure(body.BudgetLineId, body.Amount, body.Purpose, body.CaseId, body.SpentOn), ct);
                return TypedResults.Created($"/api/funding/expenditures", created);
            })
            .WithSummary("Records spending (administrators, supervisors); 409 when the line cannot cover it.");

        api.MapPost("/cases/{id}/subsidies", async (string id, SubsidyRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted($"/api/cases/{id}", await mediator.Send(new RequestSubsidy(id, body.Amount, body.Reason, body.BudgetLineId), ct)))
            .WithTags("Cases")
            .WithSummary("The caseworker asks for a family subsidy: starts subsidy-approval.");
        api.MapPost("/subsidies/{id:long}/pay", async (long id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new PaySubsidy(id), ct)))
            .WithTags("Funding")
            .WithSummary("Marks an approved subsidy paid (administrators).");
        return api;
    }
}

internal sealed record BudgetLineRequest(int? Year, string? Name, string? OrgUnitId, decimal? Amount, string? Notes);

internal sealed record ExpenditureRequest(long? BudgetLineId, decimal? Amount, string? Purpose, string? CaseId, string? SpentOn);

internal sealed record SubsidyRequest(decimal? Amount, string? Reason, long? BudgetLineId);
