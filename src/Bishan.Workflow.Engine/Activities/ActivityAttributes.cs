namespace Bishan.Workflow.Engine.Activities;

/// <summary>Declares an activity type. Display names and descriptions come from <c>ActivityStrings</c> resources.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string type, string category) : Attribute
{
    public string Type { get; } = type;
    public string Category { get; } = category;

    /// <summary>Outcome ports; default is <c>Done</c>. Activities whose ports depend on inputs list the static ones.</summary>
    public string[] Outcomes { get; init; } = ["Done"];

    /// <summary>True when the activity may start a workflow (a trigger).</summary>
    public bool IsTrigger { get; init; }

    /// <summary>False for activities the designer should not offer (e.g. the flowchart container itself).</summary>
    public bool Browsable { get; init; } = true;
}

/// <summary>An input of an activity, stored as a JSON property named <see cref="Name"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class InputAttribute(string name, string typeName) : Attribute
{
    public string Name { get; } = name;
    public string TypeName { get; } = typeName;
    public string UiHint { get; init; } = UiHints.SingleLine;
    public bool Required { get; init; }
    public string[]? Options { get; init; }
    public string? DefaultValue { get; init; }

    /// <summary>The syntax the designer offers first (Literal, JavaScript, Liquid, Variable).</summary>
    public string DefaultSyntax { get; init; } = "Literal";

    /// <summary>What the input holds, for validation: a cron expression, JavaScript code, a duration.</summary>
    public InputKind Kind { get; init; } = InputKind.Value;
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class OutputAttribute(string name, string typeName) : Attribute
{
    public string Name { get; } = name;
    public string TypeName { get; } = typeName;
}

public enum InputKind
{
    Value,
    Script,
    CronExpression,
    Duration,
}

public static class UiHints
{
    public const string SingleLine = "single-line";
    public const string MultiLine = "multi-line";
    public const string Code = "code-editor";
    public const string Checkbox = "checkbox";
    public const string Dropdown = "dropdown";
    public const string Number = "number";
    public const string Duration = "duration";
    public const string DateTime = "datetime";
    public const string Cron = "cron";
    public const string VariablePicker = "variable-picker";
    public const string OutcomeList = "outcome-list";
    public const string Json = "json-editor";

    /// <summary>An assignee rule: a case rule, a role in an org unit or a user name (the host defines the grammar).</summary>
    public const string AssigneePicker = "assignee-picker";

    /// <summary>A user task's form: a JSON array of fields edited as a table.</summary>
    public const string FormEditor = "form-editor";
}
