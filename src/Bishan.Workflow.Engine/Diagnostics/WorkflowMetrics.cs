using System.Diagnostics.Metrics;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Engine.Diagnostics;

/// <summary>
/// The runtime's own measurements on a <see cref="Meter"/> named <see cref="MeterName"/> (plain
/// System.Diagnostics.Metrics: any listener, OpenTelemetry in the host, can collect them; nothing is recorded
/// when none listens). Instruments: passes run, resume duration, instances that became faulted.
/// </summary>
public sealed class WorkflowMetrics : IDisposable
{
    public const string MeterName = "Bishan.Workflow.Engine";

    public const string PassesName = "bishan.workflow.passes";
    public const string ResumeDurationName = "bishan.workflow.resume.duration";
    public const string FaultedName = "bishan.workflow.instances.faulted";

    private readonly Meter _meter;
    private readonly Counter<long> _passes;
    private readonly Histogram<double> _resumeDuration;
    private readonly Counter<long> _faulted;

    public WorkflowMetrics()
    {
        _meter = new Meter(MeterName);
        _passes = _meter.CreateCounter<long>(PassesName, "{pass}",
            "Execution passes run (start, resume, continue, retry); its rate is passes per second.");
        _resumeDuration = _meter.CreateHistogram<double>(ResumeDurationName, "s",
            "Time from a resume request (task completion, event, timer job) until its pass is committed.");
        _faulted = _meter.CreateCounter<long>(FaultedName, "{instance}",
            "Instances that became faulted (an incident stopped them).");
    }

    /// <summary>One pass of <paramref name="definitionId"/>; counts a fault when the pass left a healthy instance faulted.</summary>
    public void RecordPass(string kind, string definitionId, bool wasFaulted, ExecutionResult result)
    {
        var definition = new KeyValuePair<string, object?>("workflow.definition_id", definitionId);
        _passes.Add(1, new KeyValuePair<string, object?>("workflow.pass_kind", kind), definition);
        if (!wasFaulted && result.State.SubStatus == WorkflowSubStatus.Faulted) _faulted.Add(1, definition);
    }

    /// <summary>A resume request that ended with <paramref name="outcome"/> (resumed, already resumed, not found).</summary>
    public void RecordResume(TimeSpan elapsed, string outcome) =>
        _resumeDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("workflow.resume_outcome", outcome));

    public void Dispose() => _meter.Dispose();
}
