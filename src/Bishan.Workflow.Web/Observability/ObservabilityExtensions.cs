using System.Text.Json;
using Bishan.Workflow.Engine.Diagnostics;
using Bishan.Workflow.Infrastructure.Diagnostics;
using Bishan.Workflow.Infrastructure.Scheduling;
using Bishan.Workflow.Web.Auth;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Bishan.Workflow.Web.Observability;

/// <summary>
/// Traces and metrics (OpenTelemetry): ASP.NET Core, Hangfire jobs and the workflow runtime's own meters, plus a span per
/// database command (EF Core, Npgsql) when traces are exported; exported over OTLP when an endpoint is configured and scraped by Prometheus at <c>/metrics</c>
/// (administrators only). Health: <c>/health</c> is liveness (no checks), <c>/health/ready</c> checks the database and
/// Hangfire's storage. Log scopes carry the trace and span id of the current activity.
/// </summary>
internal static class ObservabilityExtensions
{
    public const string MetricsPath = "/metrics";
    private const string ReadyTag = "ready";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        var services = builder.Services;
        services.AddSingleton<TaskGauges>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<HangfireStorageHealthCheck>("hangfire", tags: [ReadyTag]);

        // OpenTelemetry:Otlp:Endpoint, or the standard OTEL_EXPORTER_OTLP_ENDPOINT the exporter reads itself.
        var otlpEndpoint = configuration["OpenTelemetry:Otlp:Endpoint"];
        var otlp = !string.IsNullOrWhiteSpace(otlpEndpoint) || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var serviceName = configuration["OpenTelemetry:ServiceName"] is { Length: > 0 } name ? name : "bishan-workflow";

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(tracing =>
            {
                // Always on, exporter or not: the request's activity is what gives log lines their trace id.
                tracing.AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                    .AddSource(JobTelemetry.SourceName);
                // A span per database command only when something receives them: without an exporter they were about 3 %
                // of a referral's time, spent on spans nobody could see (issue 15).
                if (otlp)
                    tracing.AddEntityFrameworkCoreInstrumentation()
                        .AddNpgsql()
                        .AddOtlpExporter(o => SetEndpoint(o, otlpEndpoint));
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddMeter(WorkflowMetrics.MeterName, TaskGauges.MeterName, JobTelemetry.SourceName)
                    .AddPrometheusExporter();
                if (otlp) metrics.AddOtlpExporter(o => SetEndpoint(o, otlpEndpoint));
            });
        return builder;
    }

    public static WebApplication MapObservability(this WebApplication app)
    {
        // Created now, so that the gauges exist before the first scrape.
        app.Services.GetRequiredService<TaskGauges>();

        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = static _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = static check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadinessAsync,
        }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(AuthPolicies.Administrator);
        return app;
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) ||
        path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase);

    private static void SetEndpoint(OpenTelemetry.Exporter.OtlpExporterOptions options, string? endpoint)
    {
        if (!string.IsNullOrWhiteSpace(endpoint)) options.Endpoint = new Uri(endpoint);
    }

    /// <summary>Status of each check by name, without exception details (the answer is anonymous).</summary>
    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new Dictionary<string, object>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
