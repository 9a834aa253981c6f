using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Activities;

/// <summary>
/// Signs a special report (专报) and sends it to the leading group and 区督查办; emits <see cref="SpecialReportSigned"/>, which the
/// host applies only after an approved <c>SpecialReport</c> approval of this instance, and never to a report already signed.
/// </summary>
[Activity(Type, CaseActivities.MeetingsCategory)]
[Input("reportId", "String", Required = true, DefaultSyntax = "Variable")]
public sealed class SignSpecialReportActivity : Activity
{
    public const string Type = "Bishan.SignSpecialReport";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Emit(new SpecialReportSigned(context.InstanceId, CaseActivities.RequireText(context, "reportId"), CaseActivities.Now(context)));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
