using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Activities;

/// <summary>
/// Schedules a task-force meeting <c>scheduledIn</c> from now and asks the host to build its agenda from live
/// state; emits <see cref="MeetingScheduled"/> and completes at once.
/// </summary>
[Activity(Type, CaseActivities.MeetingsCategory)]
[Input("meetingKind", "MeetingKind", UiHint = UiHints.Dropdown, Required = true, DefaultValue = "Weekly", Options = ["Weekly", "Monthly"])]
[Input("topic", "String", DefaultSyntax = "Liquid")]
[Input("scheduledIn", "Duration", UiHint = UiHints.Duration, Kind = InputKind.Duration, DefaultValue = "P1D")]
public sealed class BuildMeetingAgendaActivity : Activity
{
    public const string Type = "Bishan.BuildMeetingAgenda";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var kind = CaseActivities.Choice(context, GetType(), "meetingKind");
        var now = CaseActivities.Now(context);
        var after = UserTaskActivity.Duration(context.EvaluateString("scheduledIn")) ?? TimeSpan.Zero;
        var topic = CaseActivities.Text(context, "topic") ?? (kind == "Weekly" ? "周会商" : "月度专题会");
        context.Emit(new MeetingScheduled(context.InstanceId, kind, topic, now + after, now));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
