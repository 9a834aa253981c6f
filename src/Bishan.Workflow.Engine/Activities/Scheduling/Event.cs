using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Engine.Activities.Scheduling;

/// <summary>Waits for a named event (and the instance's correlation id, when it has one); the event's input is the result.</summary>
[Activity("Elsa.Event", "Scheduling", IsTrigger = true)]
[Input("eventName", "String", Required = true)]
[Output("result", "Object")]
public sealed class Event : Activity
{
    public const string BookmarkName = "Elsa.Event";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        if (context.IsTriggerOfThisRun)
        {
            context.SetOutput("result", context.ResumeInput);
            context.Complete();
            return ValueTask.CompletedTask;
        }
        var name = context.EvaluateString("eventName");
        if (string.IsNullOrWhiteSpace(name)) throw new InvalidOperationException("Event needs an event name.");
        context.CreateBookmark(BookmarkName, key: name);
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context)
    {
        context.SetOutput("result", context.ResumeInput);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
