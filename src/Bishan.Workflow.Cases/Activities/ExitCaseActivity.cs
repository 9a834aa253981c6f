using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Activities;

/// <summary>Takes the case out of the register (出库); emits <see cref="CaseExited"/>, applied only after an approved exit.</summary>
[Activity(Type, CaseActivities.CasesCategory)]
[Input("reason", "String", UiHint = UiHints.MultiLine, DefaultSyntax = "Liquid")]
public sealed class ExitCaseActivity : Activity
{
    public const string Type = "Bishan.ExitCase";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Emit(new CaseExited(CaseActivities.RequireCaseId(context), context.InstanceId,
            CaseActivities.Text(context, "reason"), CaseActivities.Now(context)));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
