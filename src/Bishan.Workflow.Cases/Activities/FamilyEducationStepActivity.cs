using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Activities;

/// <summary>
/// Records a step of a family-education referral (accepted, declined, evaluation due, evaluated) on the referral, the case's
/// timeline and the referring caseworker's notifications; emits <see cref="FamilyEducationStepped"/>.
/// </summary>
[Activity(Type, CaseActivities.CasesCategory)]
[Input("referralId", "String", Required = true, DefaultSyntax = "Liquid")]
[Input("step", "String", UiHint = UiHints.Dropdown, Required = true, Options = ["Accepted", "Declined", "EvaluationDue", "Evaluated"])]
[Input("note", "String", UiHint = UiHints.MultiLine, DefaultSyntax = "Liquid")]
[Input("result", "String", DefaultSyntax = "Liquid")]
public sealed class FamilyEducationStepActivity : Activity
{
    public const string Type = "Bishan.FamilyEducationStep";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Emit(new FamilyEducationStepped(CaseActivities.RequireText(context, "referralId"), CaseActivities.Choice(context, GetType(), "step"),
            CaseActivities.Text(context, "note"), CaseActivities.Text(context, "result"), CaseActivities.Now(context)));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
