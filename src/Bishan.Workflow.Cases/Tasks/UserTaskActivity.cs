using System.Text.Json.Nodes;
using System.Xml;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Expressions;

namespace Bishan.Workflow.Cases.Tasks;

/// <summary>
/// A task for a person (beyond Elsa): a bookmark whose payload describes the task. Completing the task
/// resumes the bookmark, so a task can be completed exactly once; submitted form data land in workflow
/// variables of the same name. A second bookmark fires when the task is overdue and escalates it.
/// </summary>
[Activity(Type, "Human tasks", Outcomes = ["Done"])]
[Input("title", "String", Required = true, DefaultSyntax = "Liquid")]
[Input("description", "String", UiHint = UiHints.MultiLine, DefaultSyntax = "Liquid")]
[Input("form", "FormFields", UiHint = UiHints.FormEditor)]
[Input("assignee", "AssigneeRule", UiHint = UiHints.AssigneePicker, Required = true, DefaultValue = AssigneeRules.CaseCaseworker)]
[Input("candidateGroups", "String", UiHint = UiHints.SingleLine)]
[Input("dueIn", "Duration", UiHint = UiHints.Duration, Kind = InputKind.Duration, DefaultValue = "P7D")]
[Input("followUpIn", "Duration", UiHint = UiHints.Duration, Kind = InputKind.Duration)]
[Input("outcomes", "String[]", UiHint = UiHints.OutcomeList, DefaultValue = "Done")]
public sealed class UserTaskActivity : Activity, IOutcomeSource
{
    public const string Type = "Bishan.UserTask";
    public const string TaskBookmark = "Bishan.UserTask";
    public const string OverdueBookmark = "Bishan.UserTask.Overdue";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var now = context.Time.GetUtcNow().UtcDateTime;
        var outcomes = Outcomes(context.Evaluate("outcomes"));
        var due = Duration(context.EvaluateString("dueIn")) is { } d ? now + d : (DateTime?)null;
        var followUp = Duration(context.EvaluateString("followUpIn")) is { } f ? now + f : (DateTime?)null;
        var payload = new UserTaskPayload(
            context.EvaluateString("title") ?? context.Node.Name ?? "待办",
            context.EvaluateString("description"),
            FormField.ParseList(context.Evaluate("form")),
            context.EvaluateString("assignee") ?? AssigneeRules.CaseCaseworker,
            context.EvaluateString("candidateGroups"),
            due,
            followUp,
            outcomes,
            CaseIdOf(context),
            Kind: "Task");
        context.CreateBookmark(TaskBookmark, payload: payload.ToJson());
        if (due is not null) context.CreateBookmark(OverdueBookmark, resumeAtUtc: due);
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context)
    {
        if (context.ResumedBookmark?.Name == OverdueBookmark)
        {
            // The task stays open; the host notifies and escalates it one tier up.
            context.Emit(new TaskOverdue(context.InstanceId, context.Node.NodeId, CaseIdOf(context)));
            return ValueTask.CompletedTask;
        }
        var submission = TaskSubmission.From(context.ResumeInput);
        foreach (var (name, value) in submission.Data)
            if (context.Index.FindVariable(name) is not null)
                context.SetVariable(name, value?.DeepClone());
        context.Complete(submission.Outcome ?? "Done");
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The buttons are the ports, plus Done (a submission without an outcome), so that a workflow can branch
    /// on Eligible/NotEligible and the validator can check the connections.
    /// </summary>
    public IReadOnlyList<string>? GetOutcomes(ActivityNode node)
    {
        var listed = OutcomePorts.DonePlusListed(node, "outcomes");
        return listed?.SelectMany(o => o.Split('，', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
    }

    internal static string? CaseIdOf(ActivityExecutionContext context) =>
        ValueConverter.ToText(context.GetVariable("caseId")) ?? context.CorrelationId;

    internal static IReadOnlyList<string> Outcomes(JsonNode? node) => node switch
    {
        JsonArray a => a.Select(ValueConverter.ToText).OfType<string>().Where(s => s.Length > 0).ToList() is { Count: > 0 } l ? l : ["Done"],
        JsonValue v when ValueConverter.ToText(v) is { Length: > 0 } s =>
            s.Split([',', '，', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => ["Done"],
    };

    internal static TimeSpan? Duration(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return XmlConvert.ToTimeSpan(text.Trim());
        }
        catch (FormatException)
        {
            return ValueConverter.ToTimeSpan(JsonValue.Create(text)) ?? throw new FormatException($"'{text}' is not an ISO 8601 duration such as P3D or PT4H.");
        }
    }
}
