using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Bishan.Workflow.Web.Startup;

/// <summary>
/// Where a start-up's time goes: each step's wall-clock and CPU time since the previous mark, logged as one line once the
/// app answers (Information, category <c>Bishan.Workflow.Web.Startup.StartupTimeline</c>). CPU time is the process's, all
/// threads (the JIT's included), so on a loaded machine it says more than the wall clock.
/// </summary>
internal sealed partial class StartupTimeline
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _steps = new();
    private readonly long _origin = Stopwatch.GetTimestamp();
    private long _last;
    private TimeSpan _lastCpu;
    private TimeSpan _lastJit;
    private long _lastJitted;

    /// <param name="time">The clock the process's age is read from (the system's: this runs before the host and its services).</param>
    public StartupTimeline(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _last = _origin;
        _lastCpu = CpuTime();
        _lastJit = System.Runtime.JitInfo.GetCompilationTime();
        _lastJitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        // The runtime's own start (assemblies, host) before Main: the process's age when this object is made.
        using var process = Process.GetCurrentProcess();
        BeforeMain = time.GetLocalNow().DateTime - process.StartTime;
        CpuBeforeMain = _lastCpu;
    }

    public TimeSpan BeforeMain { get; }
    public TimeSpan CpuBeforeMain { get; }

    /// <summary>Time since the process started.</summary>
    public TimeSpan Elapsed => BeforeMain + Stopwatch.GetElapsedTime(_origin);

    /// <summary>Ends the step <paramref name="name"/> here.</summary>
    public void Mark(string name)
    {
        var now = Stopwatch.GetTimestamp();
        var cpu = CpuTime();
        var jit = System.Runtime.JitInfo.GetCompilationTime();
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        lock (_gate)
        {
            if (_steps.Length > 0) _steps.Append(", ");
            _steps.Append(CultureInfo.InvariantCulture,
                $"{name} {Stopwatch.GetElapsedTime(_last, now).TotalMilliseconds:0} ms (cpu {(cpu - _lastCpu).TotalMilliseconds:0}, " +
                $"jit {(jit - _lastJit).TotalMilliseconds:0} ms/{jitted - _lastJitted})");
            _last = now;
            _lastCpu = cpu;
            _lastJit = jit;
            _lastJitted = jitted;
        }
    }

    /// <summary>
    /// A track of steps that run in parallel with the main one (the start-up work beside the endpoints and the server):
    /// each of its steps is logged with its wall-clock time only, since the process's CPU time is shared.
    /// </summary>
    public Track Lane(string name) => new(this, name);

    public sealed class Track(StartupTimeline timeline, string name)
    {
        private long _last = Stopwatch.GetTimestamp();

        public void Mark(string step)
        {
            var now = Stopwatch.GetTimestamp();
            lock (timeline._gate)
            {
                if (timeline._steps.Length > 0) timeline._steps.Append(", ");
                timeline._steps.Append(CultureInfo.InvariantCulture,
                    $"{name}/{step} {Stopwatch.GetElapsedTime(_last, now).TotalMilliseconds:0} ms");
                _last = now;
            }
        }
    }

    public void Log(ILogger logger, string what)
    {
        if (!logger.IsEnabled(LogLevel.Information)) return;
        string steps;
        lock (_gate) steps = _steps.ToString();
        var total = Elapsed.TotalMilliseconds;
        var cpu = CpuTime().TotalMilliseconds;
        var jit = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds;
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        LogTimeline(logger, what, total, cpu, jit, jitted, BeforeMain.TotalMilliseconds, CpuBeforeMain.TotalMilliseconds, steps);
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Start-up: {What} {Total:0} ms after the process started (cpu {Cpu:0} ms, jit {Jit:0} ms for {Jitted} methods); before Main {BeforeMain:0} ms (cpu {CpuBeforeMain:0}); {Steps}")]
    private static partial void LogTimeline(ILogger logger, string what, double total, double cpu, double jit, long jitted, double beforeMain, double cpuBeforeMain, string steps);
}
