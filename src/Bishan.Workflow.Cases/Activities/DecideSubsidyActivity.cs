using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Activities;

/// <summary>
/// Settles a subsidy request (帮扶家庭补助): Approved (spends it from its budget line), Rejected or Withdrawn; emits
/// <see cref="SubsidyDecided"/>, which the host applies as Approved only after an approved subsidy approval of this instance.
/// </summary>
[Activity(Type, CaseActivities.CasesCategory)]
[Input("subsidyId", "String", Required = true, DefaultSyntax = "Variable")]
[Input("decision", "SubsidyDecision", UiHint = UiHints.Dropdown, Required = true, DefaultValue = "Approved", Options = ["Approved", "Rejected", "Withdrawn"])]
[Input("reason", "String", UiHint = UiHints.MultiLine, DefaultSyntax = "Liquid")]
public sealed class DecideSubsidyActivity : Activity
{
    public const string Type = "Bishan.DecideSubsidy";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Emit(new SubsidyDecided(CaseActivities.RequireCaseId(context), context.InstanceId,
            CaseActivities.RequireText(context, "subsidyId"), CaseActivities.Choice(context, GetType(), "decision"),
            CaseActivities.Text(context, "reason"), CaseActivities.Now(context)));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
