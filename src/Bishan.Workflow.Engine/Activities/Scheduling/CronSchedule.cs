using Cronos;

namespace Bishan.Workflow.Engine.Activities.Scheduling;

/// <summary>
/// Cron expressions as Elsa and Hangfire read them: 6 fields with seconds first (Elsa's format), or the
/// classic 5 fields; Asia/Shanghai time.
/// </summary>
public static class CronSchedule
{
    public static readonly TimeZoneInfo ChinaTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static bool TryParse(string? expression, out CronExpression? cron, out string? error)
    {
        cron = null;
        error = null;
        if (string.IsNullOrWhiteSpace(expression))
        {
            error = "Error when parsing cron expression: the expression is empty.";
            return false;
        }
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            // Anything but exactly 5 fields is read with seconds, as Elsa does, so that a malformed expression
            // gets Elsa's message (which names the Seconds field).
            cron = CronExpression.Parse(expression.Trim(), fields == 5 ? CronFormat.Standard : CronFormat.IncludeSeconds);
            return true;
        }
        catch (CronFormatException ex)
        {
            error = $"Error when parsing cron expression: {ex.Message}";
            return false;
        }
    }

    public static DateTime? NextUtc(string expression, DateTime afterUtc)
    {
        if (!TryParse(expression, out var cron, out var error)) throw new FormatException(error);
        return cron!.GetNextOccurrence(DateTime.SpecifyKind(afterUtc, DateTimeKind.Utc), ChinaTimeZone);
    }

    /// <summary>The next <paramref name="count"/> occurrences, for previews in the designer.</summary>
    public static IReadOnlyList<DateTimeOffset> Next(string expression, DateTimeOffset after, int count)
    {
        if (!TryParse(expression, out var cron, out var error)) throw new FormatException(error);
        var result = new List<DateTimeOffset>();
        var from = after;
        for (var i = 0; i < count; i++)
        {
            var next = cron!.GetNextOccurrence(from, ChinaTimeZone);
            if (next is null) break;
            result.Add(next.Value);
            from = next.Value;
        }
        return result;
    }
}
