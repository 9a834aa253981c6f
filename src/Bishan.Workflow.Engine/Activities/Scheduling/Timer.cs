using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Engine.Activities.Scheduling;

/// <summary>As a trigger it starts the workflow every interval; inside a flow it waits one interval.</summary>
[Activity("Elsa.Timer", "Scheduling", IsTrigger = true)]
[Input("interval", "TimeSpan", UiHint = UiHints.Duration, Required = true, Kind = InputKind.Duration, DefaultValue = "00:01:00")]
public sealed class Timer : Activity
{
    public const string BookmarkName = "Elsa.Timer";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        if (context.IsTriggerOfThisRun)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }
        var interval = context.EvaluateTimeSpan("interval") ?? throw new InvalidOperationException("Timer needs an interval.");
        context.CreateBookmark(BookmarkName, resumeAtUtc: context.Time.GetUtcNow().UtcDateTime + interval);
        return ValueTask.CompletedTask;
    }
}
