using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Activities;

/// <summary>Reopens an exited or closed file after a relapse (重新入库), keeping its history; emits <see cref="CaseReentered"/>.</summary>
[Activity(Type, CaseActivities.CasesCategory)]
[Input("reason", "String", UiHint = UiHints.MultiLine, Required = true, DefaultSyntax = "Liquid")]
public sealed class ReenterCaseActivity : Activity
{
    public const string Type = "Bishan.ReenterCase";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Emit(new CaseReentered(CaseActivities.RequireCaseId(context), context.InstanceId,
            CaseActivities.RequireText(context, "reason"), CaseActivities.Now(context)));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
