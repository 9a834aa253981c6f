using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Activities;

/// <summary>
/// Sends an in-app notification to the people a recipient rule names (the rules of task assignees, plus the
/// attendees of the instance's meeting); emits <see cref="NotificationRequested"/>. Works without a case.
/// </summary>
[Activity(Type, "Human tasks")]
[Input("recipient", "AssigneeRule", UiHint = UiHints.Dropdown, Required = true, DefaultValue = AssigneeRules.CaseCaseworker,
    Options = [AssigneeRules.CaseCaseworker, AssigneeRules.CaseCoordinator, AssigneeRules.CaseCoordinatorUp, AssigneeRules.TaskForceSecretary,
        MeetingAttendees, "role:Leader@district"])]
[Input("title", "String", DefaultSyntax = "Liquid")]
[Input("message", "String", UiHint = UiHints.MultiLine, Required = true, DefaultSyntax = "Liquid")]
public sealed class NotifyActivity : Activity
{
    public const string Type = "Bishan.Notify";

    /// <summary>The task force members invited to the meeting scheduled by the same instance.</summary>
    public const string MeetingAttendees = "meeting.attendees";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var message = CaseActivities.RequireText(context, "message");
        context.Emit(new NotificationRequested(CaseActivities.CaseId(context), context.InstanceId,
            CaseActivities.Text(context, "recipient") ?? AssigneeRules.CaseCaseworker,
            CaseActivities.Text(context, "title") ?? context.Node.Name ?? "通知",
            message, CaseActivities.Now(context)));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
