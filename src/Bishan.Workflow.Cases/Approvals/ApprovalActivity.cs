using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Approvals;

/// <summary>
/// An approval (beyond Elsa): a task for the supervisor of the target tier's coordinating body with the
/// outcomes Approved, Rejected and SentBack (the last two need a comment). With a second level, an
/// approval at the first level opens a task for the second approver before the activity completes.
/// The decision is also emitted as an effect, so the domain records it: tier changes and exits check
/// for an approved approval, whatever the workflow says.
/// </summary>
[Activity(Type, "Human tasks", Outcomes = [Approved, Rejected, SentBack])]
[Input("title", "String", Required = true, DefaultSyntax = "Liquid")]
[Input("description", "String", UiHint = UiHints.MultiLine, DefaultSyntax = "Liquid")]
[Input("subject", "ApprovalSubject", UiHint = UiHints.Dropdown, Required = true,
    Options = ["Registration", "Escalation", "Deescalation", "Exit", "Subsidy", "SpecialReport"])]
[Input("targetTier", "Tier", UiHint = UiHints.Dropdown, Options = ["", "Light", "Serious", "Severe"])]
[Input("approver", "AssigneeRule", UiHint = UiHints.AssigneePicker, DefaultValue = AssigneeRules.CaseCoordinator)]
[Input("secondApprover", "AssigneeRule", UiHint = UiHints.AssigneePicker)]
[Input("dueIn", "Duration", UiHint = UiHints.Duration, Kind = InputKind.Duration, DefaultValue = "P3D")]
public sealed class ApprovalActivity : Activity
{
    public const string Type = "Bishan.Approval";
    public const string Approved = "Approved";
    public const string Rejected = "Rejected";
    public const string SentBack = "SentBack";
    private const string LevelProperty = "level";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        OpenTask(context, level: 1, context.EvaluateString("approver") ?? AssigneeRules.CaseCoordinator);
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context)
    {
        if (context.ResumedBookmark?.Name == UserTaskActivity.OverdueBookmark)
        {
            context.Emit(new TaskOverdue(context.InstanceId, context.Node.NodeId, UserTaskActivity.CaseIdOf(context)));
            return ValueTask.CompletedTask;
        }
        var submission = TaskSubmission.From(context.ResumeInput);
        var outcome = submission.Outcome ?? "";
        if (outcome is not (Approved or Rejected or SentBack))
            throw new InvalidOperationException($"An approval ends with Approved, Rejected or SentBack, not '{outcome}'.");
        var level = context.State.Properties?[LevelProperty]?.GetValue<int>() ?? 1;
        var subject = context.EvaluateString("subject") ?? "";
        context.Emit(new ApprovalDecided(UserTaskActivity.CaseIdOf(context), context.InstanceId, subject,
            context.EvaluateString("targetTier"), level, outcome, submission.Comment, submission.UserId));
        if (context.Index.FindVariable("approvalComment") is not null)
            context.SetVariable("approvalComment", submission.Comment);

        var second = context.EvaluateString("secondApprover");
        if (outcome == Approved && level == 1 && !string.IsNullOrWhiteSpace(second))
        {
            OpenTask(context, level: 2, second);
            return ValueTask.CompletedTask;
        }
        context.Complete(outcome);
        return ValueTask.CompletedTask;
    }

    private static void OpenTask(ActivityExecutionContext context, int level, string approver)
    {
        // The second level gets its own due date: the first level's overdue timer must not fire on it.
        context.RemoveBookmarks(UserTaskActivity.OverdueBookmark);
        (context.State.Properties ??= [])[LevelProperty] = level;
        var now = context.Time.GetUtcNow().UtcDateTime;
        var due = UserTaskActivity.Duration(context.EvaluateString("dueIn")) is { } d ? now + d : (DateTime?)null;
        var title = context.EvaluateString("title") ?? "审批";
        var payload = new UserTaskPayload(
            level == 1 ? title : $"{title}（二级审批）",
            context.EvaluateString("description"),
            [new FormField("comment", "审批意见", FormFieldType.TextArea)],
            approver,
            null,
            due,
            null,
            [Approved, Rejected, SentBack],
            UserTaskActivity.CaseIdOf(context),
            Kind: "Approval:" + (context.EvaluateString("subject") ?? ""),
            TargetTier: context.EvaluateString("targetTier") is { Length: > 0 } tier ? tier : null);
        context.CreateBookmark(UserTaskActivity.TaskBookmark, payload: payload.ToJson());
        if (due is not null) context.CreateBookmark(UserTaskActivity.OverdueBookmark, resumeAtUtc: due);
    }
}
