using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Activities;

/// <summary>
/// Escalates a supervision notice to the leading group when its deadline has passed without an answer; emits
/// <see cref="SupervisionEscalated"/> (the host checks the answer, so a notice answered in time is left alone).
/// </summary>
[Activity(Type, CaseActivities.CasesCategory)]
[Input("noticeId", "String", Required = true, DefaultSyntax = "Liquid")]
public sealed class EscalateSupervisionActivity : Activity
{
    public const string Type = "Bishan.EscalateSupervision";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Emit(new SupervisionEscalated(CaseActivities.RequireText(context, "noticeId"), context.InstanceId, CaseActivities.Now(context)));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
