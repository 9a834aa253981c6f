using Bishan.Workflow.Cases.Auditing.ListAudit;
using Bishan.Workflow.Cases.Statistics.ExportRegister;
using Bishan.Workflow.Cases.Statistics.GetOverview;
using Bishan.Workflow.Cases.Statistics.GetRegisterFlow;
using Bishan.Workflow.Web.Auth;
using Mediator;
using MiniExcelLibs;

namespace Bishan.Workflow.Web.Endpoints.Cases;

internal static class StatisticsEndpoints
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapStatisticsEndpoints(this RouteGroupBuilder api)
    {
        var stats = api.MapGroup("/stats").WithTags("Statistics");
        stats.MapGet("/overview", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetOverview(), ct)))
            .WithSummary("Register figures and open-work counts over the caller's scope.");
        stats.MapGet("/pool", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Bishan.Workflow.Cases.Statistics.GetPoolFigures.GetPoolFigures(), ct)))
            .WithSummary("The helper resource pool's totals by kind, and social workers by employing unit.");
        stats.MapGet("/family-education", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Bishan.Workflow.Cases.Statistics.GetFamilyEducationFigures.GetFamilyEducationFigures(), ct)))
            .WithSummary("The family-education guidance centre's referrals, sessions and attendance rate, by sub-centre.");
        stats.MapGet("/flow", async (IMediator mediator, int? months, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetRegisterFlow(months), ct)))
            .WithSummary("Registrations and exits per month (Asia/Shanghai) over the caller's scope.");
        stats.MapGet("/register.xlsx", ExportAsync)
            .Produces(StatusCodes.Status200OK, contentType: XlsxContentType)
            .WithSummary("The register (台账) of the caller's scope as Excel; ID numbers masked; audited.");

        api.MapGet("/audit", async (IMediator mediator, string? user, string? action, string? entityType, string? entityId,
                    string? from, string? to, int? skip, int? take, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListAudit(user, action, entityType, entityId, from, to, skip, take), ct)))
            .WithTags("Audit")
            .RequireAuthorization(AuthPolicies.Administrator)
            .WithSummary("Who read or changed what, when, from where; administrators only.");
        return api;
    }

    private static async Task<IResult> ExportAsync(IMediator mediator, CancellationToken ct)
    {
        var export = await mediator.Send(new ExportRegister(), ct);
        var stream = new MemoryStream();
        // An empty register still gets its header row, so the file always shows its columns.
        IEnumerable<IDictionary<string, object?>> rows = export.Rows.Count > 0
            ? export.Rows.Select(r => (IDictionary<string, object?>)r.ToDictionary(kv => kv.Key, kv => kv.Value))
            : [export.Headers.ToDictionary(h => h, _ => (object?)null)];
        await stream.SaveAsAsync(rows, sheetName: "台账", cancellationToken: ct);
        stream.Position = 0;
        return TypedResults.File(stream, XlsxContentType, export.FileName);
    }
}
