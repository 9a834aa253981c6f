using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bishan.Workflow.Engine.Expressions;

/// <summary>
/// Converts JSON values to the Elsa type named by an input or variable (<c>"4"</c> → Int32 4,
/// <c>"True"</c> → Boolean). Values stay plain JSON so that state serializes without type markers.
/// </summary>
public static class ValueConverter
{
    public static JsonNode? Convert(JsonNode? value, string? typeName)
    {
        if (value is null) return null;
        var simple = SimpleName(typeName);
        if (value is not JsonValue v) return value.DeepClone();
        var text = v.TryGetValue<string>(out var s) ? s : null;
        switch (simple)
        {
            case "Int32" or "Int64" or "Int16" or "Byte":
                if (text is not null)
                    return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? JsonValue.Create(l) : value.DeepClone();
                return TryDouble(v, out var d) ? JsonValue.Create((long)d) : value.DeepClone();
            case "Double" or "Single" or "Decimal":
                if (text is not null)
                    return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var dd) ? JsonValue.Create(dd) : value.DeepClone();
                return value.DeepClone();
            case "Boolean":
                if (text is not null)
                    return bool.TryParse(text.Trim(), out var b) ? JsonValue.Create(b) : value.DeepClone();
                return value.DeepClone();
            case "String":
                return text is not null ? value.DeepClone() : JsonValue.Create(ToText(value));
            case "Object" or "ExpandoObject" or "JsonObject" or "Dictionary":
                if (text is not null && LooksLikeJson(text))
                    try { return JsonNode.Parse(text); } catch (JsonException) { }
                return value.DeepClone();
            default:
                return value.DeepClone();
        }
    }

    /// <summary>The last segment of a type name without assembly: <c>A.B.FlowJoinMode, Asm</c> → <c>FlowJoinMode</c>.</summary>
    public static string SimpleName(string? typeName)
    {
        if (string.IsNullOrEmpty(typeName)) return "Object";
        var t = typeName.Split(',')[0].Trim();
        var dot = t.LastIndexOf('.');
        return dot >= 0 ? t[(dot + 1)..] : t;
    }

    public static string? ToText(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "True" : "False",
        JsonValue v when TryDouble(v, out var d) => d.ToString(CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };

    public static bool ToBool(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) => bool.TryParse(s.Trim(), out var b) && b,
        JsonValue v when TryDouble(v, out var d) => d != 0,
        null => false,
        _ => true,
    };

    public static TimeSpan? ToTimeSpan(JsonNode? value)
    {
        var text = ToText(value);
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var ts)) return ts;
        try { return System.Xml.XmlConvert.ToTimeSpan(text); } catch (FormatException) { return null; }
    }

    public static bool TryDouble(JsonValue v, out double d)
    {
        if (v.GetValueKind() == JsonValueKind.Number)
        {
            // GetValue<double>() throws on a value created from a long (every converted Int32 variable),
            // so read the number from its JSON text, which works for every CLR number type.
            d = double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
            return true;
        }
        d = 0;
        return false;
    }

    private static bool LooksLikeJson(string s)
    {
        var t = s.TrimStart();
        return t.StartsWith('{') || t.StartsWith('[');
    }
}
