using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hangfire.Server;

namespace Bishan.Workflow.Infrastructure.Scheduling;

/// <summary>
/// Traces and counts Hangfire job executions: one <see cref="Activity"/> per performed job on the
/// <see cref="SourceName"/> source (a child of nothing: the job runs on a worker, not in a request), and on the
/// <see cref="SourceName"/> meter the jobs performed (by job and outcome) and their duration.
/// Plain System.Diagnostics: the host's OpenTelemetry collects both by name.
/// </summary>
public sealed class JobTelemetry(TimeProvider time) : IServerFilter
{
    public const string SourceName = "Bishan.Workflow.Hangfire";

    private const string StartedKey = "bishan.telemetry.started";
    private const string ActivityKey = "bishan.telemetry.activity";

    private static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(SourceName);
    private static readonly Counter<long> Jobs = Meter.CreateCounter<long>("bishan.hangfire.jobs", "{job}", "Hangfire jobs performed, by job and outcome.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("bishan.hangfire.job.duration", "s", "How long a Hangfire job ran.");

    public void OnPerforming(PerformingContext context)
    {
        context.Items[StartedKey] = time.GetTimestamp();
        var activity = Source.StartActivity($"hangfire {JobName(context)}", ActivityKind.Consumer);
        if (activity is null) return;
        activity.SetTag("hangfire.job_id", context.BackgroundJob.Id);
        activity.SetTag("hangfire.job", JobName(context));
        context.Items[ActivityKey] = activity;
    }

    public void OnPerformed(PerformedContext context)
    {
        var outcome = context.Exception is null ? "succeeded" : context.ExceptionHandled ? "handled" : "failed";
        var job = new KeyValuePair<string, object?>("hangfire.job", JobName(context));
        Jobs.Add(1, job, new KeyValuePair<string, object?>("hangfire.outcome", outcome));
        if (context.Items.TryGetValue(StartedKey, out var started) && started is long timestamp)
            Duration.Record(time.GetElapsedTime(timestamp).TotalSeconds, job);
        if (context.Items.TryGetValue(ActivityKey, out var value) && value is Activity activity)
        {
            if (context.Exception is { } ex) activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            activity.Dispose();
        }
    }

    private static string JobName(PerformContext context) =>
        context.BackgroundJob.Job is { } job ? $"{job.Type.Name}.{job.Method.Name}" : "unknown";
}
