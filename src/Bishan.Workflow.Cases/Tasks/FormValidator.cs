using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Criteria;
using Bishan.Workflow.Cases.Localization;

namespace Bishan.Workflow.Cases.Tasks;

/// <summary>
/// Checks submitted form data against the task's fields; returns errors keyed by field name, worded in the request's UI
/// culture (<c>Form_*</c> in <c>UseCaseStrings</c>: Chinese by default, English for an English reader). The field labels
/// are the workflow's own and stay as written.
/// </summary>
public static class FormValidator
{
    public const int DefaultMaxLength = 4000;

    /// <param name="outcome">The outcome the task is completed with: fields required for it (<see cref="FormField.RequiredFor"/>) must be filled.</param>
    public static IReadOnlyDictionary<string, string[]> Validate(IReadOnlyList<FormField> fields, JsonObject? data, string? outcome = null)
    {
        var errors = new Dictionary<string, string[]>();
        data ??= [];
        foreach (var field in fields)
        {
            var value = data[field.Name];
            if (field.Type == FormFieldType.Criteria)
            {
                foreach (var (key, message) in CriteriaAnswers.Check(field, data, outcome))
                    errors[key] = [message];
                continue;
            }
            var text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString();
            if (value is null || string.IsNullOrWhiteSpace(text))
            {
                if (field.IsRequiredFor(outcome) && field.Type != FormFieldType.Checkbox) errors[field.Name] = [Message("Form_Required", field)];
                continue;
            }
            var maxLength = field.MaxLength ?? DefaultMaxLength;
            var error = field.Type switch
            {
                FormFieldType.Number when !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => Message("Form_NotANumber", field),
                FormFieldType.Date when !DateOnly.TryParse(text, CultureInfo.InvariantCulture, out _) => Message("Form_NotADate", field),
                FormFieldType.Select when field.Options is { Count: > 0 } && !field.Options.Contains(text) => Message("Form_NotAnOption", field),
                FormFieldType.Checkbox when value is not JsonValue b || b.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False) =>
                    Message("Form_NotYesOrNo", field),
                FormFieldType.Checklist => ChecklistError(field, value),
                _ when text.Length > maxLength => Message("Form_TooLong", field, maxLength),
                _ => null,
            };
            if (error is not null) errors[field.Name] = [error];
        }
        foreach (var (key, _) in data)
            if (fields.Count > 0 && fields.All(f => f.Name != key))
                errors[key] = [UseCaseStrings.Format("Form_UnknownField", key)];
        return errors;
    }

    private static string? ChecklistError(FormField field, JsonNode value)
    {
        if (value is not JsonArray items || items.Any(i => i is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
            return Message("Form_NotAList", field);
        if (field.Options is { Count: > 0 } options && items.Any(i => !options.Contains(i!.GetValue<string>())))
            return Message("Form_ListHasUnknownOption", field);
        var maxLength = field.MaxLength ?? DefaultMaxLength;
        return items.ToJsonString().Length > maxLength ? Message("Form_TooLong", field, maxLength) : null;
    }

    private static string Message(string key, FormField field, params object[] more) => UseCaseStrings.Format(key, [field.Label, .. more]);
}
