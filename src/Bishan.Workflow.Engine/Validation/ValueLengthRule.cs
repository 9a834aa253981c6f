namespace Bishan.Workflow.Engine.Validation;

/// <summary>Bounds free identifiers the runtime stores or matches on (event names, correlation ids), with a localized error.</summary>
public static class ValueLengthRule
{
    /// <summary>Null when <paramref name="value"/> is absent or at most <see cref="DefinitionLimits.MaxIdentifierLength"/> characters, else the field error.</summary>
    public static ValidationError? Check(string field, string? value) =>
        value is { Length: > DefinitionLimits.MaxIdentifierLength }
            ? new ValidationError(null, DefinitionShapeRules.Format("Definition.ValueTooLong", field, value.Length, DefinitionLimits.MaxIdentifierLength), field)
            : null;
}
