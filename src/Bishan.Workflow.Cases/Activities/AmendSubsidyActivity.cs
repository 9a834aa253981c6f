using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Cases.Funding;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Activities;

/// <summary>
/// Writes a sent-back subsidy request's amendment to the subsidy (帮扶家庭补助): the new reason and, when given, the new
/// amount; emits <see cref="SubsidyAmended"/>, which the host applies to the request and records on the timeline. A valid new
/// amount is also written back to the workflow variable <c>amount</c> (when declared, as yuan text such as 1,500.00), so the
/// next approval and the notifications show the amended amount.
/// </summary>
[Activity(Type, CaseActivities.CasesCategory)]
[Input("subsidyId", "String", Required = true, DefaultSyntax = "Variable")]
[Input("amount", "String", DefaultSyntax = "Variable")]
[Input("reason", "String", UiHint = UiHints.MultiLine, Required = true, DefaultSyntax = "Liquid")]
public sealed class AmendSubsidyActivity : Activity
{
    public const string Type = "Bishan.AmendSubsidy";
    private const string AmountVariable = "amount";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var amount = CaseActivities.Text(context, "amount");
        context.Emit(new SubsidyAmended(CaseActivities.RequireCaseId(context), context.InstanceId,
            CaseActivities.RequireText(context, "subsidyId"), amount, CaseActivities.RequireText(context, "reason"), CaseActivities.Now(context)));
        if (Money.TryParse(amount) is { } yuan && context.Index.FindVariable(AmountVariable) is not null)
            context.SetVariable(AmountVariable, Money.Text(yuan));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
