using System.Text;
using Bishan.Workflow.Engine.Runtime;

namespace Bishan.Workflow.Infrastructure.Scheduling;

/// <summary>
/// Stable Hangfire keys for workflow schedules. A recurring job id must stay the same across publishes and
/// restarts, or Hangfire keeps the old job firing next to the new one (Elsa's "fires several times" bug).
/// </summary>
internal static class TriggerJobIds
{
    public const string RecurringPrefix = "workflow-trigger:";

    /// <summary>Hash holding the delayed job ids of a definition's non-recurring triggers (timer intervals, start-at).</summary>
    public static string DelayedTriggersHash(string definitionId) => $"workflow-trigger-jobs:{Sanitize(definitionId)}";

    /// <summary>Hash holding the delayed job id of one timer bookmark.</summary>
    public static string BookmarkHash(string bookmarkId) => $"workflow-bookmark-job:{bookmarkId}";

    public static string RecurringPrefixFor(string definitionId) => $"{RecurringPrefix}{Sanitize(definitionId)}:";

    public static string Recurring(string definitionId, string activityNodeId) =>
        RecurringPrefixFor(definitionId) + Sanitize(activityNodeId);

    public static string TriggerField(ScheduledTrigger trigger) => Sanitize(trigger.ActivityNodeId);

    /// <summary>Keeps ids readable in the dashboard while removing the ':' separators of node ids and anything odd.</summary>
    public static string Sanitize(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        return builder.ToString();
    }
}
