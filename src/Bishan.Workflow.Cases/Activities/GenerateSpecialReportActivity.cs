using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Activities;

/// <summary>Asks the host to generate the special report (专报) for the period; emits <see cref="SpecialReportRequested"/>.</summary>
[Activity(Type, CaseActivities.MeetingsCategory)]
[Input("title", "String", Required = true, DefaultSyntax = "Liquid")]
[Input("period", "ReportPeriod", UiHint = UiHints.Dropdown, Required = true, DefaultValue = "Weekly", Options = ["Weekly", "Monthly", "Adhoc"])]
[Input("recipients", "String", DefaultValue = DefaultRecipients)]
[Input("notes", "String", UiHint = UiHints.MultiLine, DefaultSyntax = "Liquid")]
public sealed class GenerateSpecialReportActivity : Activity
{
    public const string Type = "Bishan.GenerateSpecialReport";
    public const string DefaultRecipients = "区委教育工作领导小组；区督查办";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Emit(new SpecialReportRequested(context.InstanceId,
            CaseActivities.RequireText(context, "title"),
            CaseActivities.Choice(context, GetType(), "period"),
            CaseActivities.Text(context, "recipients") ?? DefaultRecipients,
            CaseActivities.Text(context, "notes"),
            CaseActivities.Now(context)));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
