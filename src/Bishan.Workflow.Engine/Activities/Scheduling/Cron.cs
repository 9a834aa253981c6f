using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Engine.Activities.Scheduling;

/// <summary>As a trigger it starts the workflow on a cron schedule (Asia/Shanghai); inside a flow it waits for the next occurrence.</summary>
[Activity("Elsa.Cron", "Scheduling", IsTrigger = true)]
[Input("cronExpression", "String", UiHint = UiHints.Cron, Required = true, Kind = InputKind.CronExpression, DefaultValue = "0 0 9 * * MON")]
public sealed class Cron : Activity
{
    public const string BookmarkName = "Elsa.Cron";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        if (context.IsTriggerOfThisRun)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }
        var expression = context.EvaluateString("cronExpression") ?? "";
        var next = CronSchedule.NextUtc(expression, context.Time.GetUtcNow().UtcDateTime)
                   ?? throw new InvalidOperationException($"The cron expression '{expression}' has no future occurrence.");
        context.CreateBookmark(BookmarkName, resumeAtUtc: next);
        return ValueTask.CompletedTask;
    }
}
