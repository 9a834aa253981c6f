using System.Text.Json.Nodes;

namespace Bishan.Workflow.Engine.Definitions;

/// <summary>An activity input as written in the JSON: a type name and an expression.</summary>
public sealed record InputValue(string? TypeName, string? ExpressionType, JsonNode? Value)
{
    public bool HasExpression => ExpressionType is not null;

    public static InputValue From(JsonObject o)
    {
        var typeName = o["typeName"] is JsonValue t && t.TryGetValue<string>(out var tn) ? tn : null;
        if (o["expression"] is not JsonObject e) return new InputValue(typeName, null, null);
        var kind = e["type"] is JsonValue k && k.TryGetValue<string>(out var ks) ? ks : null;
        return new InputValue(typeName, kind, e["value"]?.DeepClone());
    }

    /// <summary>The expression text for code-like expressions (JavaScript, Liquid, Variable).</summary>
    public string? Text => Value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => Value.ToJsonString(),
    };
}
