using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Activities;

/// <summary>Returns a special report (专报) to its drafter with the reason; emits <see cref="SpecialReportReturned"/>.</summary>
[Activity(Type, CaseActivities.MeetingsCategory)]
[Input("reportId", "String", Required = true, DefaultSyntax = "Variable")]
[Input("reason", "String", UiHint = UiHints.MultiLine, DefaultSyntax = "Liquid")]
public sealed class ReturnSpecialReportActivity : Activity
{
    public const string Type = "Bishan.ReturnSpecialReport";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Emit(new SpecialReportReturned(context.InstanceId, CaseActivities.RequireText(context, "reportId"),
            CaseActivities.Text(context, "reason"), CaseActivities.Now(context)));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
