using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Activities;

/// <summary>Closes the file with a reason; emits <see cref="CaseClosed"/>.</summary>
[Activity(Type, CaseActivities.CasesCategory)]
[Input("reason", "String", UiHint = UiHints.MultiLine, Required = true, DefaultSyntax = "Liquid")]
public sealed class CloseCaseActivity : Activity
{
    public const string Type = "Bishan.CloseCase";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Emit(new CaseClosed(CaseActivities.RequireCaseId(context), context.InstanceId,
            CaseActivities.RequireText(context, "reason"), CaseActivities.Now(context)));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
