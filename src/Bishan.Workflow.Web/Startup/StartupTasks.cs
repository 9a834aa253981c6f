using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Nodes;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Maintenance;
using Bishan.Workflow.Infrastructure.Scheduling;
using Bishan.Workflow.Web.Extensions;

namespace Bishan.Workflow.Web.Startup;

/// <summary>
/// Brings storage and schedules up to date before anything else starts. It runs in
/// <see cref="IHostedLifecycleService.StartingAsync"/>, which the host calls before any <c>StartAsync</c>, so
/// the Hangfire server only starts once migrations, imports and reconciliation are done. Nodes sharing one
/// PostgreSQL database take turns under the start-up lock: the first does the work, the others find it done.
/// </summary>
internal sealed partial class StartupTasks(
    IServiceScopeFactory scopes,
    WorkflowFileLoader loader,
    ScheduleReconciler reconciler,
    IStartupLock startupLock,
    HangfireSchemaInstaller hangfireSchema,
    IHostEnvironment environment,
    MaintenanceSettings maintenance,
    MaintenanceSchedule maintenanceSchedule,
    StartupTimeline timeline,
    SignInPageWarmer signInPage,
    ILogger<StartupTasks> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        // The node refuses these with one log line before it gets here (RunNodeAsync); a test host stops here.
        if (maintenance.Problems.Count > 0) throw new InvalidOperationException(string.Join(" ", maintenance.Problems));
        timeline.Mark("node checks");
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await using var turn = await startupLock.AcquireAsync(cancellationToken);
        timeline.Mark("start-up lock");

        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        timeline.Mark("migrations");
        // The organisation lives in the database (administrators edit it); the seed adds the units it is missing.
        var cases = services.GetRequiredService<Cases.ICasesDbContext>();
        await Cases.Organisation.OrgUnitStore.AddMissingSeedUnitsAsync(cases, services.GetRequiredService<TimeProvider>(), cancellationToken);
        await Cases.Organisation.OrgUnitStore.RefreshAsync(cases, services.GetRequiredService<Cases.Organisation.OrgTree>(), cancellationToken);
        timeline.Mark("org tree");
        // Before the reconciler, the first user of Hangfire's tables.
        await hangfireSchema.InstallAsync(cancellationToken);
        timeline.Mark("hangfire schema");
        if (environment.IsDevelopment())
            await services.GetRequiredService<DemoUserSeeder>().SeedAsync(cancellationToken);
        timeline.Mark("demo users");
        await loader.LoadAsync(cancellationToken);
        timeline.Mark("workflow import");
        await reconciler.ReconcileAsync(cancellationToken);
        timeline.Mark("reconciler");
        maintenanceSchedule.Apply();
        if (services.GetService<Hangfire.IRecurringJobManager>() is { } recurringJobs)
        {
            Infrastructure.Cases.PlanReviewJob.Schedule(recurringJobs);
            Infrastructure.Cases.OverdueDigestJob.Schedule(recurringJobs);
            Infrastructure.Cases.FamilyEducationClassReminderJob.Schedule(recurringJobs);
        }
        timeline.Mark("recurring jobs");
        var recovered = await services.GetRequiredService<IWorkflowRuntime>().RecoverInterruptedAsync(cancellationToken);
        if (recovered > 0) LogRecovered(logger, recovered);
        timeline.Mark("recovery");
        if (environment.IsDevelopment())
            await services.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
        timeline.Mark("demo data");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        timeline.Mark("hosted services");
        timeline.Log(logger, "answering");
        // Kestrel listens by now: the first user's sign-in page should not pay for its first render.
        signInPage.Start();
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Continued {Count} instances interrupted by the previous shutdown")]
    private static partial void LogRecovered(ILogger logger, int count);
}
