using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Definitions;

namespace Bishan.Workflow.Engine.Expressions;

/// <summary>Evaluates an input's expression (Literal, Variable, JavaScript, Liquid, Object) and converts it to the input's type.</summary>
public sealed class ExpressionEvaluator(JavaScriptEvaluator javaScript, LiquidEvaluator liquid)
{
    public JavaScriptEvaluator JavaScript => javaScript;

    public static readonly string[] Syntaxes = ["Literal", "JavaScript", "Liquid", "Variable", "Object"];

    public ExpressionEvaluator() : this(new JavaScriptEvaluator(), new LiquidEvaluator())
    {
    }

    public JsonNode? Evaluate(InputValue input, IExpressionScope scope)
    {
        var raw = input.ExpressionType switch
        {
            null => null,
            "Literal" or "Object" or "Json" => input.Value?.DeepClone(),
            "Variable" => scope.GetVariable(VariableName(input.Value) ?? ""),
            "JavaScript" => input.Text is { Length: > 0 } js ? javaScript.Evaluate(js, scope) : null,
            "Liquid" => input.Text is { } text ? JsonValue.Create(liquid.Render(text, scope)) : null,
            var other => throw new ExpressionException($"Expression type '{other}' is not supported."),
        };
        return ValueConverter.Convert(raw, input.TypeName);
    }

    /// <summary>Null when the expression is well formed, else why not.</summary>
    public static string? CheckSyntax(InputValue input) => input.ExpressionType switch
    {
        null or "Literal" or "Object" or "Json" or "Variable" => null,
        "JavaScript" => input.Text is { Length: > 0 } js ? JavaScriptEvaluator.CheckSyntax(js) : null,
        "Liquid" => input.Text is { } text ? LiquidEvaluator.CheckSyntax(text) : null,
        var other => $"Expression type '{other}' is not supported (use Literal, JavaScript, Liquid or Variable).",
    };

    private static string? VariableName(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonObject o => (o["name"] ?? o["id"])?.ToString(),
        _ => null,
    };
}
