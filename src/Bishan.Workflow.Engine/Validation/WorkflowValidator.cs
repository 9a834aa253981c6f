using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Activities.Primitives;
using Bishan.Workflow.Engine.Activities.Scheduling;
using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Descriptors;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Expressions;

namespace Bishan.Workflow.Engine.Validation;

/// <summary>
/// Checks a parsed definition before it is saved or published: unknown activity types, duplicate ids,
/// connections to missing activities or ports, no start, required inputs missing, JavaScript or Liquid
/// that does not parse, cron expressions and durations that do not parse, durations that are negative or too long,
/// identifiers, arrays and the number of activities (<see cref="DefinitionShapeRules"/>); then whatever the host's
/// <see cref="IActivityValidator"/>s find (the engine knows no domain, the host does).
/// Errors come in document order so that the designer can list them next to the activities.
/// </summary>
public sealed class WorkflowValidator(
    ActivityRegistry registry,
    IEnumerable<IActivityValidator>? activityValidators = null,
    DefinitionLimits? limits = null,
    IValidationMessages? messages = null)
{
    private readonly IActivityValidator[] _activityValidators = activityValidators?.ToArray() ?? [];
    private readonly DefinitionLimits _limits = limits ?? new DefinitionLimits();

    /// <summary>The host's wording of <paramref name="code"/>, else the engine's English <paramref name="english"/>.</summary>
    private string Text(string code, string english, params object?[] args) => messages?.Format(code, args) ?? english;

    /// <summary>An input's label in the reader's language (the culture of the request or circuit).</summary>
    private static string Label(InputDescriptor input) => input.DisplayName.For(System.Globalization.CultureInfo.CurrentUICulture.Name);

    public IReadOnlyList<ValidationError> Validate(WorkflowDefinition definition)
    {
        var errors = new List<ValidationError>();
        DefinitionShapeRules.Check(definition, _limits, errors);
        var index = DefinitionIndex.For(definition);
        foreach (var node in definition.AllActivities())
        {
            ValidateActivity(node, index, errors);
            if (node.Type == WorkflowJsonReader.FlowchartType)
                ValidateFlowchart(node, errors);
        }
        return errors;
    }

    private void ValidateActivity(ActivityNode node, DefinitionIndex index, List<ValidationError> errors)
    {
        var descriptor = registry.Find(node.Type);
        if (descriptor is null)
        {
            errors.Add(new(node.Id, Text("UnknownType", $"Unknown activity type '{node.Type}'.", node.Type)));
            return;
        }

        foreach (var input in descriptor.Inputs)
        {
            var raw = node.GetProperty(input.Name);
            if (input.Required && !HasValue(raw))
            {
                errors.Add(new(node.Id, Text("RequiredInput", $"The required input '{input.Name}' has no value.", input.Name, Label(input))));
                continue;
            }
            if (raw is JsonObject o && o.ContainsKey("expression") && InputValue.From(o) is { HasExpression: true } value)
                ValidateLiteral(node, input, value, errors);
        }

        // Every expression is checked, also on inputs this runtime does not describe: Elsa keeps them and so do we.
        foreach (var (name, raw) in node.Raw)
        {
            if (raw is not JsonObject o || !o.ContainsKey("expression")) continue;
            if (ExpressionEvaluator.CheckSyntax(InputValue.From(o)) is { } syntaxError)
                errors.Add(new(node.Id, Text("InputError", $"Input '{name}': {syntaxError}",
                    name, descriptor.Inputs.FirstOrDefault(i => i.Name == name) is { } described ? Label(described) : name, syntaxError)));
        }

        if (node.Type == "Elsa.SetVariable"
            && SetVariable.VariableReference(node.GetProperty("variable")) is { Length: > 0 } variable
            && index.FindVariable(variable) is null)
            errors.Add(new(node.Id, Text("VariableNotDeclared", $"The variable '{variable}' is not declared in the workflow.", variable)));

        foreach (var validator in _activityValidators)
            errors.AddRange(validator.Validate(node, descriptor));
    }

    /// <summary>Literal values whose kind is known are parsed now, so that publishing fails instead of the run.</summary>
    private void ValidateLiteral(ActivityNode node, InputDescriptor input, InputValue value, List<ValidationError> errors)
    {
        if (value.ExpressionType != "Literal" || value.Value is null) return;
        var text = ValueConverter.ToText(value.Value);
        if (string.IsNullOrWhiteSpace(text)) return;

        string? error = input.Kind switch
        {
            nameof(InputKind.CronExpression) => CronSchedule.TryParse(text, out _, out var cronError) ? null : cronError,
            nameof(InputKind.Duration) => ValueConverter.ToTimeSpan(value.Value) is not { } span
                ? Text("Duration", $"Input '{input.Name}': '{text}' is not a duration (use hh:mm:ss such as 00:05:00, or ISO 8601 such as PT5M).", input.Name, Label(input), text)
                : DefinitionShapeRules.CheckDuration(input.Name, span, _limits),
            // A Literal script is the code itself (Elsa's RunJavaScript); a JavaScript one is checked with every expression.
            nameof(InputKind.Script) => JavaScriptEvaluator.CheckSyntax(text) is { } jsError
                ? Text("InputError", $"Input '{input.Name}': {jsError}", input.Name, Label(input), jsError)
                : null,
            _ => null,
        };
        error ??= CheckOptions(input, text) ?? CheckDateTime(node, input, text);
        if (error is not null) errors.Add(new(node.Id, error, input.Name));
    }

    private string? CheckOptions(InputDescriptor input, string text) =>
        input.Options is { Count: > 0 } options && !options.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase)
            ? Text("Options", $"Input '{input.Name}': '{text}' is not one of {string.Join(", ", options)}.",
                input.Name, Label(input), text, string.Join(", ", options))
            : null;

    private string? CheckDateTime(ActivityNode node, InputDescriptor input, string text)
    {
        if (node.Type != "Elsa.StartAt" || input.Name != "dateTime") return null;
        try
        {
            StartAt.Parse(text);
            return null;
        }
        catch (InvalidOperationException ex)
        {
            return Text("InputError", $"Input '{input.Name}': {ex.Message}", input.Name, Label(input), ex.Message);
        }
    }

    private void ValidateFlowchart(ActivityNode flowchart, List<ValidationError> errors)
    {
        foreach (var duplicate in flowchart.Activities.GroupBy(a => a.Id).Where(g => g.Count() > 1))
            errors.Add(new(duplicate.Key, Text("DuplicateId",
                $"The id '{duplicate.Key}' is used by {duplicate.Count()} activities in flowchart '{flowchart.Id}'.", duplicate.Key, duplicate.Count(), flowchart.Id)));

        var byId = flowchart.Activities.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var c in flowchart.Connections)
        {
            var number = c.Index + 1;
            if (!byId.TryGetValue(c.Source, out var source))
                errors.Add(new(flowchart.Id, Text("SourceMissing", $"Connection #{number}: the source activity '{c.Source}' does not exist.", number, c.Source)));
            if (!byId.ContainsKey(c.Target))
                errors.Add(new(source?.Id ?? flowchart.Id, Text("TargetMissing", $"Connection #{number}: the target activity '{c.Target}' does not exist.", number, c.Target)));
            if (!string.Equals(c.TargetPort, "In", StringComparison.Ordinal))
                errors.Add(new(source?.Id ?? flowchart.Id, Text("TargetPort", $"Connection #{number}: the target port must be 'In', not '{c.TargetPort}'.", number, c.TargetPort)));
            if (source is not null && OutcomesOf(source) is { } outcomes && !outcomes.Contains(c.SourcePort, StringComparer.Ordinal))
                errors.Add(new(source.Id, outcomes.Count == 0
                    ? Text("NoOutcomes", $"Connection #{number}: '{source.Type}' has no outcome ports, so it cannot connect from '{c.SourcePort}'.",
                        number, source.Type, c.SourcePort)
                    : Text("NotAnOutcome", $"Connection #{number}: '{c.SourcePort}' is not an outcome of '{source.Type}' ({string.Join(", ", outcomes)}).",
                        number, c.SourcePort, source.Type, string.Join(", ", outcomes))));
        }

        if (flowchart.Connections.Count > 0 && !HasStart(flowchart, byId))
            errors.Add(new(flowchart.Id, Text("NoStart",
                "The flowchart has no activity to start from: every activity has an inbound connection. Add a Start activity or mark one as able to start the workflow.")));
    }

    private static bool HasStart(ActivityNode flowchart, Dictionary<string, ActivityNode> byId)
    {
        var targets = flowchart.Connections.Where(c => byId.ContainsKey(c.Source)).Select(c => c.Target).ToHashSet();
        return flowchart.Activities.Any(a => a.Type == "Elsa.Start" || a.CanStartWorkflow || !targets.Contains(a.Id));
    }

    /// <summary>
    /// The ports an activity can complete with, or null when they cannot be known before it runs
    /// (computed by a script, or an activity type that declares its outcomes at run time).
    /// </summary>
    private IReadOnlyList<string>? OutcomesOf(ActivityNode node)
    {
        if (registry.Resolve(node.Type) is not { } activity || registry.Find(node.Type) is not { } descriptor) return null;
        if (activity is IOutcomeSource source) return source.GetOutcomes(node);
        return node.Type switch
        {
            // Fork lives with the flowchart scheduler; its named branches are its ports (like Elsa's FlowFork).
            "Elsa.Fork" => OutcomePorts.DonePlusListed(node, "branches"),
            _ => descriptor.Outcomes,
        };
    }

    private static bool HasValue(JsonNode? raw) => raw switch
    {
        null => false,
        JsonValue v => !string.IsNullOrWhiteSpace(ValueConverter.ToText(v)),
        // An input: {typeName, expression: {type, value}}; unset when the expression or its value is missing.
        JsonObject o when o.ContainsKey("expression") =>
            o["expression"] is JsonObject e && e["value"] is { } value && (value is not JsonValue s || !string.IsNullOrWhiteSpace(ValueConverter.ToText(s))),
        // A plain object such as SetVariable's variable {id, name, typeName, ...}.
        JsonObject o => o.ContainsKey("id") || o.ContainsKey("name"),
        JsonArray a => a.Count > 0,
        _ => false,
    };
}
