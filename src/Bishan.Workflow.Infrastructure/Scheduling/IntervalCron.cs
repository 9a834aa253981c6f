namespace Bishan.Workflow.Infrastructure.Scheduling;

/// <summary>
/// Turns a timer interval into a 6-field cron expression when one exists. A recurring job survives restarts
/// without any bookkeeping; intervals that do not divide a minute, hour or day evenly fall back to a
/// self-rescheduling delayed job.
/// </summary>
internal static class IntervalCron
{
    public static string? ToCron(TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero || interval.Ticks % TimeSpan.TicksPerSecond != 0) return null;
        var seconds = (long)interval.TotalSeconds;
        if (seconds < 60)
            return 60 % seconds != 0 ? null : seconds == 1 ? "* * * * * *" : $"*/{seconds} * * * * *";
        if (seconds % 60 != 0) return null;
        var minutes = seconds / 60;
        if (minutes < 60)
            return 60 % minutes != 0 ? null : minutes == 1 ? "0 * * * * *" : $"0 */{minutes} * * * *";
        if (minutes % 60 != 0) return null;
        var hours = minutes / 60;
        if (hours < 24)
            return 24 % hours != 0 ? null : hours == 1 ? "0 0 * * * *" : $"0 0 */{hours} * * *";
        return hours == 24 ? "0 0 0 * * *" : null;
    }
}
