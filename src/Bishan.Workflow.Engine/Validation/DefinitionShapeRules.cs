using System.Globalization;
using System.Resources;
using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Definitions;

namespace Bishan.Workflow.Engine.Validation;

/// <summary>
/// The shape every definition must have whatever its activities (issue 13): identifiers of at most 100 characters from a
/// safe alphabet, <c>activities</c>, <c>connections</c> and <c>variables</c> as arrays, a bounded number of activities.
/// Messages in the current UI culture (zh-CN or English).
/// </summary>
internal static class DefinitionShapeRules
{
    private static readonly ResourceManager Strings =
        new("Bishan.Workflow.Engine.Resources.DefinitionStrings", typeof(DefinitionShapeRules).Assembly);

    private static readonly string[] ArrayProperties = ["activities", "connections", "variables"];

    public static void Check(WorkflowDefinition definition, DefinitionLimits limits, List<ValidationError> errors)
    {
        CheckIdentifier(null, "definitionId", definition.DefinitionId, errors);
        foreach (var variable in definition.Variables)
            CheckIdentifier(null, "variables", variable.Name, errors);

        var count = 0;
        foreach (var node in definition.AllActivities())
        {
            count++;
            CheckIdentifier(node.Id, "id", node.Id, errors);
            CheckArrays(node.Id, node.Raw, ArrayProperties, errors);
            foreach (var variable in node.Variables)
                CheckIdentifier(node.Id, "variables", variable.Name, errors);
        }
        if (count > limits.MaxActivities)
            errors.Add(new(null, Format("Definition.TooManyActivities", count, limits.MaxActivities), "activities"));
    }

    /// <summary>Null when <paramref name="span"/> is a duration an activity may wait, else why not.</summary>
    public static string? CheckDuration(string input, TimeSpan span, DefinitionLimits limits)
    {
        if (span < TimeSpan.Zero) return Format("Definition.DurationNegative", input, span.ToString("c", CultureInfo.InvariantCulture));
        if (span > limits.MaxDuration)
            return Format("Definition.DurationTooLong", input, span.ToString("c", CultureInfo.InvariantCulture),
                limits.MaxDuration.ToString("c", CultureInfo.InvariantCulture));
        return null;
    }

    public static bool IsSafeIdentifier(string value) =>
        value.Length is > 0 and <= DefinitionLimits.MaxIdentifierLength
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static void CheckIdentifier(string? activityId, string field, string? value, List<ValidationError> errors)
    {
        if (string.IsNullOrEmpty(value)) return;
        // An id that is too long is not repeated in the message (it was 100,000 characters in the issue).
        var shown = value.Length > 40 ? value[..40] + "…" : value;
        if (value.Length > DefinitionLimits.MaxIdentifierLength)
            errors.Add(new(ShortId(activityId), Format("Definition.IdentifierTooLong", field, shown, value.Length, DefinitionLimits.MaxIdentifierLength), field));
        else if (!IsSafeIdentifier(value))
            errors.Add(new(ShortId(activityId), Format("Definition.IdentifierCharacters", field, shown), field));
    }

    private static string? ShortId(string? activityId) =>
        activityId is { Length: > DefinitionLimits.MaxIdentifierLength } ? activityId[..DefinitionLimits.MaxIdentifierLength] : activityId;

    internal static void CheckArrays(string? activityId, JsonObject json, string[] properties, List<ValidationError> errors)
    {
        foreach (var property in properties)
            if (json.TryGetPropertyValue(property, out var value) && value is not null and not JsonArray)
                errors.Add(new(ShortId(activityId), Format("Definition.NotAnArray", property), property));
    }

    internal static string Format(string key, params object[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        return string.Format(culture, Strings.GetString(key, culture) ?? key, args);
    }
}
