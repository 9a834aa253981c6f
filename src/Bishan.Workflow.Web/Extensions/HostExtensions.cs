using System.Text.Json.Serialization;
using Bishan.Workflow.Infrastructure.Scheduling;
using Bishan.Workflow.Web.Auth;
using Bishan.Workflow.Web.Endpoints;
using Bishan.Workflow.Web.Observability;
using Bishan.Workflow.Web.Startup;
using Bishan.Workflow.Web.Ui;
using Hangfire;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Scalar.AspNetCore;

namespace Bishan.Workflow.Web.Extensions;

internal static class HostExtensions
{
    public const string ExampleSettingsFile = "appsettings.example.json";

    public static WebApplicationBuilder AddWebHost(this WebApplicationBuilder builder, StartupTimeline? timeline = null)
    {
        timeline ??= new StartupTimeline(TimeProvider.System);
        timeline.Mark("host builder");
        if (builder.Environment.IsDevelopment()) builder.AddExampleSettings();

        var storage = StorageSettings.From(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(timeline);
        services.AddSingleton(storage);
        services.AddSingleton(TimeProvider.System);

        // Start-up work first: it begins before any hosted service starts, and the node is ready once it is done.
        services.AddSingleton<Bishan.Workflow.Infrastructure.Nodes.NodeReadiness>();
        services.AddSingleton<StartupTasks>();
        services.AddHostedService(sp => sp.GetRequiredService<StartupTasks>());
        services.AddSingleton<WorkflowFileLoader>();
        services.AddSingleton<SignInPageWarmer>();
        // Hangfire's server starts once the node is ready and the sign-in page has rendered.
        services.AddSingleton<IHangfireServerStartGate>(sp => sp.GetRequiredService<StartupTasks>());
        services.AddScoped<DemoUserSeeder>();
        services.AddScoped<DemoDataSeeder>();

        services.AddWorkflowPersistence(storage.Database);
        services.AddNodeCoordination(storage.Database);
        // How long an instance lease of this node holds unless renewed (a dead node's instances are taken over after it).
        services.AddSingleton(new Bishan.Workflow.Infrastructure.Outbox.NodeIdentity(
            TimeSpan.FromSeconds(builder.Configuration.GetValue("Nodes:LeaseSeconds", 60))));
        // Limits of every expression (JavaScript, Liquid) and of definitions; see appsettings.example.json.
        services.AddSingleton(builder.Configuration.GetSection(Bishan.Workflow.Engine.Expressions.ExpressionLimits.SectionName)
            .Get<Bishan.Workflow.Engine.Expressions.ExpressionLimits>() ?? new());
        services.AddSingleton(builder.Configuration.GetSection(Bishan.Workflow.Engine.Validation.DefinitionLimits.SectionName)
            .Get<Bishan.Workflow.Engine.Validation.DefinitionLimits>() ?? new());
        // The shipped workflows use the domain activities (Bishan.UserTask, Bishan.Approval, ...).
        services.AddWorkflowRuntime(typeof(Bishan.Workflow.Cases.Tasks.UserTaskActivity).Assembly);
        // The case domain: tasks from bookmarks, gated effects, meetings, follow-up starts (the bridge).
        services.AddCasesInfrastructure(builder.Configuration);
        services.AddWorkflowScheduling(storage.Scheduling);
        // Data retention and backups (issue 13 §4–5), with their nightly jobs; bad settings stop the start (MaintenanceSettings).
        var maintenance = MaintenanceSettings.From(builder.Configuration, storage);
        services.AddSingleton(maintenance);
        services.AddMaintenance(maintenance.Retention, maintenance.Backup);
        services.AddWorkflowAuth();
        services.AddCasesApi();

        var development = builder.Environment.IsDevelopment();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            ProblemTitles.Localize(context);
            // In development an unexpected error names its exception, so a failing test or a developer sees the cause.
            if (development && context.Exception is { } ex && context.ProblemDetails.Status == StatusCodes.Status500InternalServerError)
                context.ProblemDetails.Extensions["exception"] = $"{ex.GetType().FullName}: {ex.Message}";
        });
        services.AddExceptionHandler<WorkflowExceptionHandler>();
        services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi();
        services.AddWebUi();
        builder.AddObservability();
        timeline.Mark("services");
        return builder;
    }

    public static WebApplication MapWebHost(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        // Bodies for bare 401/403/404 answers, so API clients always get problem details.
        app.UseStatusCodePages();
        // Requests that come while the start-up work still runs wait for it.
        app.UseStartupGate();
        app.UseAuthentication();
        // A disabled or changed account stops working on its next request, on every node.
        app.UseAccountCheck();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapObservability();
        if (app.Environment.IsDevelopment())
        {
            // The API's map is for signed-in users only: it lists every route an attacker could probe.
            app.MapOpenApi().RequireAuthorization();
            app.MapScalarApiReference().RequireAuthorization();
        }
        app.MapHangfireDashboardWithAuthorizationPolicy(AuthPolicies.Administrator, "/hangfire");

        var api = app.MapGroup("/api");
        api.MapAuthEndpoints();
        api.MapAdminUserEndpoints();
        api.MapWorkflowDefinitionEndpoints();
        api.MapWorkflowInstanceEndpoints();
        api.MapEventEndpoints();
        api.MapBookmarkEndpoints();
        api.MapDescriptorEndpoints();
        api.MapCasesApi();
        app.MapWebUi();
        app.Services.GetRequiredService<StartupTimeline>().Mark("endpoints");
        return app;
    }

    /// <summary>
    /// The repository's <c>appsettings.example.json</c> as the lowest-priority source, so <c>dotnet run</c> from a
    /// checkout has the demo password without copying files; never read outside Development.
    /// </summary>
    private static void AddExampleSettings(this WebApplicationBuilder builder)
    {
        var root = RepositoryRoot.FindFrom(builder.Environment.ContentRootPath)
                   ?? RepositoryRoot.FindFrom(Directory.GetCurrentDirectory());
        if (root is null || !File.Exists(Path.Combine(root.FullName, ExampleSettingsFile))) return;
        var source = new JsonConfigurationSource
        {
            Path = ExampleSettingsFile,
            Optional = true,
            ReloadOnChange = false,
            FileProvider = new PhysicalFileProvider(root.FullName),
        };
        builder.Configuration.Sources.Insert(0, source);
    }
}
