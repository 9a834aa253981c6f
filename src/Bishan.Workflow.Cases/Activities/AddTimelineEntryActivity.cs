using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Activities;

/// <summary>Writes a line on the case's timeline (Liquid text); emits <see cref="TimelineEntryAdded"/>.</summary>
[Activity(Type, CaseActivities.CasesCategory)]
[Input("text", "String", UiHint = UiHints.MultiLine, Required = true, DefaultSyntax = "Liquid")]
public sealed class AddTimelineEntryActivity : Activity
{
    public const string Type = "Bishan.AddTimelineEntry";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Emit(new TimelineEntryAdded(CaseActivities.RequireCaseId(context), context.InstanceId,
            CaseActivities.RequireText(context, "text"), CaseActivities.Now(context)));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
