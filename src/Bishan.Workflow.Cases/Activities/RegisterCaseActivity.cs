using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Activities;

/// <summary>
/// Registers the case (入库) under an action at a tier, usually bound to the variables the screening task
/// filled; emits <see cref="CaseRegistered"/>, which the host applies only after an approved registration.
/// </summary>
[Activity(Type, CaseActivities.CasesCategory)]
[Input("action", "FiveAction", UiHint = UiHints.Dropdown, Required = true, DefaultSyntax = "Variable",
    Options = ["DropoutPrevention", "SpecialEducation", "CaseInvolved", "Unsupervised", "MentalHealth"])]
[Input("tier", "Tier", UiHint = UiHints.Dropdown, Required = true, DefaultSyntax = "Variable", Options = ["Light", "Serious", "Severe"])]
[Input("reason", "String", UiHint = UiHints.MultiLine, DefaultSyntax = "Liquid")]
public sealed class RegisterCaseActivity : Activity
{
    public const string Type = "Bishan.RegisterCase";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Emit(new CaseRegistered(CaseActivities.RequireCaseId(context), context.InstanceId,
            CaseActivities.Choice(context, GetType(), "action"), CaseActivities.Choice(context, GetType(), "tier"),
            CaseActivities.Text(context, "reason"), CaseActivities.Now(context)));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
