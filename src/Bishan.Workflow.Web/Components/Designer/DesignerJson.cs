using System.Text.Json.Nodes;

namespace Bishan.Workflow.Web.Components.Designer;

internal static class DesignerJson
{
    /// <summary>A string property of a JSON object, or null when absent or not a string.</summary>
    public static string? Str(JsonObject? o, string name) =>
        o is not null && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
