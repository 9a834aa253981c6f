using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Activities;

/// <summary>Moves the case to a status; emits <see cref="CaseStatusChanged"/>.</summary>
[Activity(Type, CaseActivities.CasesCategory)]
[Input("status", "CaseStatus", UiHint = UiHints.Dropdown, Required = true,
    Options = ["Referred", "Screening", "Registered", "ExitEvaluation", "Exited", "FollowUp", "Closed", "Rejected"])]
[Input("reason", "String", UiHint = UiHints.MultiLine, DefaultSyntax = "Liquid")]
public sealed class SetCaseStatusActivity : Activity
{
    public const string Type = "Bishan.SetCaseStatus";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Emit(new CaseStatusChanged(CaseActivities.RequireCaseId(context), context.InstanceId,
            CaseActivities.Choice(context, GetType(), "status"), CaseActivities.Text(context, "reason"), CaseActivities.Now(context)));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
