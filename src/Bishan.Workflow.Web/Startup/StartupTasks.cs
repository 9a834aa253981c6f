using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Nodes;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Maintenance;
using Bishan.Workflow.Infrastructure.Scheduling;
using Bishan.Workflow.Web.Extensions;

namespace Bishan.Workflow.Web.Startup;

/// <summary>
/// Brings storage and schedules up to date before the node answers (issue 15, start-up). The work begins as soon as the
/// node's checks pass (<see cref="Begin"/>, from <c>RunNodeAsync</c>, or at the latest in
/// <see cref="IHostedLifecycleService.StartingAsync"/>) and runs beside the mapping of the endpoints and, once the schema
/// is up to date, beside the start of the hosted services and the server: on two cores the two halves of a start
/// overlap. Until it is done nothing that needs the database runs: requests wait in the <see cref="StartupGate"/>, the
/// background workers wait for <see cref="NodeReadiness"/>, Hangfire's server for <see cref="WhenOpen"/>, and the host's
/// start waits in <see cref="StartedAsync"/>, which rethrows a failure so that the host stops as before. Nodes sharing
/// one PostgreSQL database take turns under the start-up lock: the first does the work, the others find it done.
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
    NodeReadiness readiness,
    TimeProvider time,
    ILogger<StartupTasks> logger) : IHostedLifecycleService, IHangfireServerStartGate, IDisposable
{
    /// <summary>The longest the node waits for the warm-up render before it answers anyway.</summary>
    private static readonly TimeSpan WarmUpTimeout = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _schemaReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _answering = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private Task? _work;

    /// <summary>
    /// Hangfire's server starts once the node answers (ready, the sign-in page rendered), or would have had its start
    /// not failed: its threads then do not compete with the start-up work or the first render.
    /// </summary>
    public Task WhenOpen => _answering.Task;

    /// <summary>Begins the start-up work in the background, once; the node's checks must have passed.</summary>
    public void Begin()
    {
        // The node refuses these with one log line before it gets here (RunNodeAsync); a test host stops here.
        if (maintenance.Problems.Count > 0) throw new InvalidOperationException(string.Join(" ", maintenance.Problems));
        lock (_gate) _work ??= Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
    }

    /// <summary>
    /// Lets the hosted services start once the schema exists: some read the database as they start (ASP.NET Core's data
    /// protection reads its key ring, which lives in the database). The rest of the work goes on in parallel.
    /// </summary>
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        Begin();
        timeline.Mark("node checks");
        // A failure before the schema was ready stops the host here, before anything else starts.
        await _schemaReady.Task.WaitAsync(cancellationToken);
        timeline.Mark("schema");
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var lane = timeline.Lane("storage");
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            await using var turn = await startupLock.AcquireAsync(cancellationToken);
            lane.Mark("start-up lock");

            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            _schemaReady.TrySetResult();
            lane.Mark("migrations");
            // The organisation lives in the database (administrators edit it); the seed adds the units it is missing.
            var cases = services.GetRequiredService<Cases.ICasesDbContext>();
            await Cases.Organisation.OrgUnitStore.AddMissingSeedUnitsAsync(cases, services.GetRequiredService<TimeProvider>(), cancellationToken);
            await Cases.Organisation.OrgUnitStore.RefreshAsync(cases, services.GetRequiredService<Cases.Organisation.OrgTree>(), cancellationToken);
            lane.Mark("org tree");
            // Before the reconciler, the first user of Hangfire's tables.
            await hangfireSchema.InstallAsync(cancellationToken);
            lane.Mark("hangfire schema");
            // The demo users and the import touch different tables and neither needs the other: they run side by side
            // (on an empty database the import is the longest step of a start).
            var demoUsers = environment.IsDevelopment()
                ? Task.Run(() => services.GetRequiredService<DemoUserSeeder>().SeedAsync(cancellationToken), cancellationToken)
                : Task.CompletedTask;
            try
            {
                await loader.LoadAsync(cancellationToken);
            }
            catch
            {
                // The scope both use ends with this method: the seeding is over before the start fails.
                await demoUsers.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                throw;
            }
            lane.Mark("workflow import");
            await demoUsers;
            lane.Mark("demo users");
            await reconciler.ReconcileAsync(cancellationToken);
            lane.Mark("reconciler");
            maintenanceSchedule.Apply();
            if (services.GetService<Hangfire.IRecurringJobManager>() is { } recurringJobs)
            {
                Infrastructure.Cases.PlanReviewJob.Schedule(recurringJobs);
                Infrastructure.Cases.OverdueDigestJob.Schedule(recurringJobs);
                Infrastructure.Cases.FamilyEducationClassReminderJob.Schedule(recurringJobs);
            }
            lane.Mark("recurring jobs");
            var recovered = await services.GetRequiredService<IWorkflowRuntime>().RecoverInterruptedAsync(cancellationToken);
            if (recovered > 0) LogRecovered(logger, recovered);
            lane.Mark("recovery");
            if (environment.IsDevelopment())
                await services.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
            lane.Mark("demo data");
        }
        catch (Exception ex)
        {
            // Nothing waits for a schema that will not come: the host's start fails with this.
            _schemaReady.TrySetException(ex);
            throw;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        timeline.Mark("hosted services");
        // The server listens by now: the sign-in page renders in parallel with the rest of the work, once the schema
        // exists (its antiforgery key lives in the database), so that the first user does not pay for its first render.
        var warmUp = WarmUpAsync();
        Task work;
        lock (_gate) work = _work ?? throw new InvalidOperationException("The start-up work was never begun.");
        try
        {
            await work.WaitAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            readiness.MarkFailed(ex);
            _answering.TrySetResult();
            throw;
        }
        await warmUp.WaitAsync(WarmUpTimeout, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        readiness.MarkReady();
        _answering.TrySetResult();
        timeline.Mark("start-up work and warm-up");
        timeline.Log(logger, "answering");
    }

    private async Task WarmUpAsync()
    {
        await _schemaReady.Task;
        signInPage.Start();
        await signInPage.WhenOpen;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        // A host stopped before it started leaves nothing waiting for it.
        readiness.MarkFailed(new OperationCanceledException("The host stopped before it was ready."));
        _answering.TrySetResult();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The work was cancelled in StoppingAsync; the services it uses stay alive until it has let go of them.
        Task? work;
        lock (_gate) work = _work;
        if (work is not null) await work.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _stopping.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Continued {Count} instances interrupted by the previous shutdown")]
    private static partial void LogRecovered(ILogger logger, int count);
}
