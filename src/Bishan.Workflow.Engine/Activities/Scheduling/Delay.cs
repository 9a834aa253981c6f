using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Engine.Activities.Scheduling;

/// <summary>Waits for a duration: a bookmark that resumes at an absolute time.</summary>
[Activity("Elsa.Delay", "Scheduling")]
[Input("timeSpan", "TimeSpan", UiHint = UiHints.Duration, Required = true, Kind = InputKind.Duration, DefaultValue = "00:01:00")]
public sealed class Delay : Activity
{
    public const string BookmarkName = "Elsa.Delay";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var span = context.EvaluateTimeSpan("timeSpan") ?? throw new InvalidOperationException("Delay needs a time span such as 00:00:05 or PT5S.");
        if (span <= TimeSpan.Zero)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }
        context.CreateBookmark(BookmarkName, resumeAtUtc: context.Time.GetUtcNow().UtcDateTime + span);
        return ValueTask.CompletedTask;
    }
}
