using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Model;

namespace Bishan.Workflow.Cases.Tasks;

/// <summary>Reads the JSON columns of a <see cref="WorkTask"/> (form, outcomes, data).</summary>
public static class TaskForms
{
    public static JsonNode? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The task's form fields. Parsed once per loaded form text: completing a task reads its form three times (the
    /// meeting check, validation, filing), and a screening form carries every action's criteria.
    /// </summary>
    public static IReadOnlyList<FormField> Fields(WorkTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var json = task.FormJson;
        if (json is null) return FormField.ParseList(null);
        return ParsedForms.GetValue(json, static text => new ParsedForm(FormField.ParseList(Parse(text)))).Fields;
    }

    /// <summary>Keyed by the text object itself, so an entry lives only as long as the loaded row's text.</summary>
    private static readonly ConditionalWeakTable<string, ParsedForm> ParsedForms = new();

    private sealed record ParsedForm(IReadOnlyList<FormField> Fields);

    public static IReadOnlyList<string> Outcomes(WorkTask task) =>
        Parse(task.OutcomesJson) is JsonArray array
            ? [.. array.Select(o => o?.ToString()).OfType<string>().Where(o => o.Length > 0)]
            : ["Done"];
}
