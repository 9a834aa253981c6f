using Bishan.Workflow.Cases;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.DemoData;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Engine.Runtime;

namespace Bishan.Workflow.Web.Startup;

/// <summary>
/// With <c>Seed:DemoData=true</c> (Development only; default false) loads the synthetic register once
/// (<see cref="DemoRegisterLoader"/>) and starts the workflows that give the demo live work: case-intake for the fresh
/// referrals (screening tasks for <c>caseworker</c> and <c>caseworker2</c>), tiered-escalation for three registered
/// cases (pending approvals for the supervisors) and subsidy-approval for the fresh subsidy request, sent back to
/// <c>caseworker2</c> for an amendment; and the demo incidents of the outcome indicators (<see cref="DemoIncidents"/>). Runs after the workflows are published.
/// </summary>
internal sealed partial class DemoDataSeeder(
    ICasesDbContext db,
    TimeProvider time,
    OrgTree tree,
    IWorkflowRuntime runtime,
    IConfiguration configuration,
    Bishan.Workflow.Cases.Criteria.CriteriaCatalogs catalogs,
    Bishan.Workflow.Cases.Reports.Sections.SpecialReportComposer reportComposer,
    IServiceScopeFactory scopes,
    Bishan.Workflow.Cases.FamilyEducation.FamilyEducationOptions familyEducation,
    ILogger<DemoDataSeeder> logger)
{
    public const string SwitchKey = "Seed:DemoData";

    public bool Enabled => configuration.GetValue<bool>(SwitchKey);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!Enabled) return;
        var result = await new DemoRegisterLoader(time, tree, catalogs: catalogs).LoadAsync(db, ct);
        // Separately idempotent, so a demo database loaded before incidents existed gets them too.
        await DemoIncidents.LoadAsync(db, time, tree, ct);
        await DemoEmployers.LoadAsync(db, time, ct);
        try
        {
            // Separately idempotent too; the live part runs through the same use cases and workflows as a caseworker's.
            await DemoFamilyEducation.LoadAsync(db, familyEducation, time, tree, InUnitOfWork, ct);
            await DemoConsultations.LoadAsync(db, time, tree, InUnitOfWork, ct);
        }
        catch (WorkflowNotFoundException ex)
        {
            LogWorkflowsNotStarted(logger, ex.Message);
        }
        // The past weekly consultation's signed 专报 (after the incidents: its outcome section counts them).
        await DemoSpecialReports.LoadAsync(db, reportComposer, ct);
        if (!result.Loaded)
        {
            LogAlreadyLoaded(logger);
            return;
        }
        LogLoaded(logger, result.CasesWritten);

        try
        {
            await DemoWorkflows.StartAsync(runtime, db, result, ct);
        }
        catch (WorkflowNotFoundException ex)
        {
            // The demo register is still useful without live tasks; say why they are missing.
            LogWorkflowsNotStarted(logger, ex.Message);
        }
    }

    /// <summary>One demo step run as a request's use case is: in a scope of its own and that scope's unit of work.</summary>
    private async Task InUnitOfWork(Func<DemoStep, CancellationToken, Task> work, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var step = new DemoStep(services.GetRequiredService<ICasesDbContext>(), services.GetRequiredService<CaseWorkflows>(),
            services.GetRequiredService<IWorkflowRuntime>());
        await services.GetRequiredService<Bishan.Workflow.Infrastructure.Transactions.UnitOfWork>().RunAsync(async c =>
        {
            await work(step, c);
            return true;
        }, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data already loaded")]
    private static partial void LogAlreadyLoaded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data loaded: {Count} case files")]
    private static partial void LogLoaded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data: the demo workflows were not started: {Message}")]
    private static partial void LogWorkflowsNotStarted(ILogger logger, string message);
}
