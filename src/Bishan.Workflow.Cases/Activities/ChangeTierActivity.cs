using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Activities;

/// <summary>
/// Escalates (升级) or de-escalates (降级) the case to the target tier; emits <see cref="CaseTierChanged"/>,
/// which the host applies only after an approved escalation or de-escalation to that tier.
/// </summary>
[Activity(Type, CaseActivities.CasesCategory)]
[Input("targetTier", "Tier", UiHint = UiHints.Dropdown, Required = true, DefaultSyntax = "Variable", Options = ["Light", "Serious", "Severe"])]
[Input("reason", "String", UiHint = UiHints.MultiLine, DefaultSyntax = "Liquid")]
public sealed class ChangeTierActivity : Activity
{
    public const string Type = "Bishan.ChangeTier";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Emit(new CaseTierChanged(CaseActivities.RequireCaseId(context), context.InstanceId,
            CaseActivities.Choice(context, GetType(), "targetTier"), CaseActivities.Text(context, "reason"), CaseActivities.Now(context)));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
