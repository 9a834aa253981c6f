using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bishan.Workflow.Cases.Tasks;

/// <summary>Checks submitted form data against the task's fields; returns errors keyed by field name.</summary>
public static class FormValidator
{
    public const int DefaultMaxLength = 4000;

    public static IReadOnlyDictionary<string, string[]> Validate(IReadOnlyList<FormField> fields, JsonObject? data)
    {
        var errors = new Dictionary<string, string[]>();
        data ??= [];
        foreach (var field in fields)
        {
            var value = data[field.Name];
            var text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString();
            if (value is null || string.IsNullOrWhiteSpace(text))
            {
                if (field.Required && field.Type != FormFieldType.Checkbox) errors[field.Name] = [$"“{field.Label}”必填。"];
                continue;
            }
            var error = field.Type switch
            {
                FormFieldType.Number when !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => "须为数字。",
                FormFieldType.Date when !DateOnly.TryParse(text, CultureInfo.InvariantCulture, out _) => "须为日期（yyyy-MM-dd）。",
                FormFieldType.Select when field.Options is { Count: > 0 } && !field.Options.Contains(text) => "不是可选项之一。",
                FormFieldType.Checkbox when value is not JsonValue b || b.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False) => "须为是或否。",
                FormFieldType.Checklist => ChecklistError(field, value),
                _ when text.Length > (field.MaxLength ?? DefaultMaxLength) => $"超过 {field.MaxLength ?? DefaultMaxLength} 字。",
                _ => null,
            };
            if (error is not null) errors[field.Name] = [$"“{field.Label}”{error}"];
        }
        foreach (var (key, _) in data)
            if (fields.Count > 0 && fields.All(f => f.Name != key))
                errors[key] = [$"表单没有字段“{key}”。"];
        return errors;
    }

    private static string? ChecklistError(FormField field, JsonNode value)
    {
        if (value is not JsonArray items || items.Any(i => i is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
            return "须为所勾选项的列表。";
        if (field.Options is { Count: > 0 } options && items.Any(i => !options.Contains(i!.GetValue<string>())))
            return "含有不是可选项的内容。";
        return items.ToJsonString().Length > (field.MaxLength ?? DefaultMaxLength) ? $"超过 {field.MaxLength ?? DefaultMaxLength} 字。" : null;
    }
}
