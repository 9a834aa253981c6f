using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Activities;

/// <summary>
/// Records the minutes of the instance's meeting and turns each decision about a case into a task on that
/// case; emits <see cref="DecisionTasksRequested"/>. Decisions are usually the secretary's form field
/// <c>decisions</c>: one per line as <c>caseId: text</c>, or a JSON array of <c>{ caseId, text }</c>.
/// </summary>
[Activity(Type, CaseActivities.MeetingsCategory)]
[Input("decisions", "String", UiHint = UiHints.MultiLine, Required = true, DefaultSyntax = "Variable")]
[Input("minutes", "String", UiHint = UiHints.MultiLine, DefaultSyntax = "Variable")]
[Input("attendance", "String", UiHint = UiHints.MultiLine, DefaultSyntax = "Variable")]
[Input("assignee", "AssigneeRule", UiHint = UiHints.Dropdown, DefaultValue = AssigneeRules.CaseCaseworker,
    Options = [AssigneeRules.CaseCaseworker, AssigneeRules.CaseCoordinator, AssigneeRules.CaseCoordinatorUp])]
[Input("dueIn", "Duration", UiHint = UiHints.Duration, Kind = InputKind.Duration, DefaultValue = "P7D")]
public sealed class CreateDecisionTasksActivity : Activity
{
    public const string Type = "Bishan.CreateDecisionTasks";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var now = CaseActivities.Now(context);
        var due = UserTaskActivity.Duration(context.EvaluateString("dueIn")) is { } d ? now + d : (DateTime?)null;
        context.Emit(new DecisionTasksRequested(context.InstanceId,
            CaseActivities.Text(context, "minutes"),
            CaseActivities.Text(context, "attendance"),
            MeetingDecision.ParseList(context.Evaluate("decisions")),
            CaseActivities.Text(context, "assignee") ?? AssigneeRules.CaseCaseworker,
            due, now));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
