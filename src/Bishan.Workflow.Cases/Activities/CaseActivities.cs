using System.Reflection;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Activities;

/// <summary>What the domain activities share: the case they act on, the clock, and checked choices.</summary>
internal static class CaseActivities
{
    public const string CasesCategory = "Cases";
    public const string MeetingsCategory = "Meetings";
    public const string WorkflowsCategory = "Workflows";

    /// <summary>The case of the instance (variable <c>caseId</c>, else the correlation id), or null.</summary>
    public static string? CaseId(ActivityExecutionContext context) =>
        UserTaskActivity.CaseIdOf(context) is { Length: > 0 } id ? id : null;

    /// <summary>An activity that changes a case cannot run without one: fault rather than emit an effect nobody can apply.</summary>
    public static string RequireCaseId(ActivityExecutionContext context) =>
        CaseId(context) ?? throw new InvalidOperationException(
            $"'{context.Node.Type}' needs a case: set the workflow variable 'caseId' or start the instance with the case id as correlation id.");

    public static DateTime Now(ActivityExecutionContext context) => context.Time.GetUtcNow().UtcDateTime;

    public static string? Text(ActivityExecutionContext context, string input) =>
        context.EvaluateString(input) is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    public static string RequireText(ActivityExecutionContext context, string input) =>
        Text(context, input) ?? throw new InvalidOperationException($"'{context.Node.Type}' needs a value for '{input}'.");

    /// <summary>
    /// A value that must be one of the input's declared options. Inputs bound to variables or scripts are only
    /// known at run time, so the check happens here as well as in the validator.
    /// </summary>
    public static string Choice(ActivityExecutionContext context, Type activityType, string input)
    {
        var value = RequireText(context, input);
        var options = activityType.GetCustomAttributes<InputAttribute>().First(i => i.Name == input).Options ?? [];
        return options.FirstOrDefault(o => o.Length > 0 && string.Equals(o, value, StringComparison.OrdinalIgnoreCase))
               ?? throw new InvalidOperationException(
                   $"'{context.Node.Type}': '{value}' is not a valid {input} ({string.Join(", ", options.Where(o => o.Length > 0))}).");
    }
}
