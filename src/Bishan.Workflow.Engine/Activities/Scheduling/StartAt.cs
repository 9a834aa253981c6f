using System.Globalization;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Engine.Activities.Scheduling;

/// <summary>Waits until an absolute moment (ISO 8601; without an offset it is read as Asia/Shanghai time).</summary>
[Activity("Elsa.StartAt", "Scheduling", IsTrigger = true)]
[Input("dateTime", "DateTimeOffset", UiHint = UiHints.DateTime, Required = true)]
public sealed class StartAt : Activity
{
    public const string BookmarkName = "Elsa.StartAt";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        if (context.IsTriggerOfThisRun)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }
        var at = Parse(context.EvaluateString("dateTime"));
        if (at <= context.Time.GetUtcNow().UtcDateTime) context.Complete();
        else context.CreateBookmark(BookmarkName, resumeAtUtc: at);
        return ValueTask.CompletedTask;
    }

    public static DateTime Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new InvalidOperationException("StartAt needs a date and time.");
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto))
            throw new InvalidOperationException($"'{text}' is not a date and time (use ISO 8601, e.g. 2026-12-01T09:00:00+08:00).");
        var hasOffset = text.Contains('Z') || text.Contains('+') || text.LastIndexOf('-') > 9;
        if (!hasOffset)
            return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(dto.DateTime, DateTimeKind.Unspecified), CronSchedule.ChinaTimeZone);
        return dto.UtcDateTime;
    }
}
