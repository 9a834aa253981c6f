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

    public static IReadOnlyList<FormField> Fields(WorkTask task) => FormField.ParseList(Parse(task.FormJson));

    public static IReadOnlyList<string> Outcomes(WorkTask task) =>
        Parse(task.OutcomesJson) is JsonArray array
            ? [.. array.Select(o => o?.ToString()).OfType<string>().Where(o => o.Length > 0)]
            : ["Done"];
}
