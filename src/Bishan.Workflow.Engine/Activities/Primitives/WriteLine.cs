using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Engine.Activities.Primitives;

/// <summary>Writes a line to the workflow's console, which is the journal: the text is this execution's message.</summary>
[Activity("Elsa.WriteLine", "Primitives")]
[Input("text", "String", UiHint = UiHints.SingleLine)]
public sealed class WriteLine : Activity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.WriteJournalMessage(context.EvaluateString("text") ?? "");
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
