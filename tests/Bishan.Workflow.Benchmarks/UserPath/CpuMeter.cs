using System.Diagnostics;
using System.Globalization;

namespace Bishan.Workflow.Benchmarks.UserPath;

/// <summary>
/// CPU time read from <c>/proc</c>, to say where a phase's CPU went: the built apps (this process's children), the
/// PostgreSQL server (every process named <c>postgres</c>: run it on a quiet machine) and this process (the clients).
/// With the machine's core count this gives the ceiling a CPU-bound phase cannot pass.
/// </summary>
internal sealed record CpuMeter(TimeSpan Apps, TimeSpan Postgres, TimeSpan Self)
{
    /// <summary>Clock ticks per second of <c>/proc/*/stat</c> (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    public static CpuMeter Read()
    {
        var apps = 0L;
        var postgres = 0L;
        var me = Environment.ProcessId;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out _)) continue;
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue; // gone meanwhile
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            if (open < 0 || close < open) continue;
            var name = stat[(open + 1)..close];
            // After the name: state, ppid, … utime is the 14th field of the line, stime the 15th.
            var fields = stat[(close + 2)..].Split(' ');
            var ppid = int.Parse(fields[1], CultureInfo.InvariantCulture);
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            if (ppid == me) apps += ticks;
            else if (string.Equals(name, "postgres", StringComparison.Ordinal)) postgres += ticks;
        }
        using var self = Process.GetCurrentProcess();
        return new CpuMeter(TimeSpan.FromSeconds(apps / TicksPerSecond), TimeSpan.FromSeconds(postgres / TicksPerSecond), self.TotalProcessorTime);
    }

    public static CpuMeter operator -(CpuMeter after, CpuMeter before) =>
        new(after.Apps - before.Apps, after.Postgres - before.Postgres, after.Self - before.Self);

    /// <summary>"apps 6.1 + PostgreSQL 2.0 + clients 0.9 = 9.0 ms CPU per completion; 2 cores: at most 222/s".</summary>
    public string PerItem(int count, string item)
    {
        var n = Math.Max(1, count);
        var apps = Apps.TotalMilliseconds / n;
        var pg = Postgres.TotalMilliseconds / n;
        var self = Self.TotalMilliseconds / n;
        var total = apps + pg + self;
        return string.Create(CultureInfo.InvariantCulture,
            $"apps {apps:0.0} + PostgreSQL {pg:0.0} + clients {self:0.0} = {total:0.0} ms CPU per {item}; {Environment.ProcessorCount} cores: at most {Environment.ProcessorCount * 1000 / Math.Max(0.001, total):N0}/s");
    }
}
