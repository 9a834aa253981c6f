using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fluid;
using Fluid.Values;

namespace Bishan.Workflow.Engine.Expressions;

/// <summary>Renders Liquid text templates through Fluid. The model is plain data: variables, input, ids.</summary>
public sealed class LiquidEvaluator
{
    private static readonly FluidParser Parser = new();
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Templates = new();
    private readonly TemplateOptions _options = new() { MaxSteps = 100_000, MaxRecursion = 50 };

    /// <param name="filters">Text filters the host adds (see <see cref="LiquidFilter"/>).</param>
    public LiquidEvaluator(IEnumerable<LiquidFilter>? filters = null)
    {
        foreach (var filter in filters ?? [])
            _options.Filters.AddFilter(filter.Name,
                (input, _, _) => new ValueTask<FluidValue>(new StringValue(filter.Apply(input.ToStringValue()))));
    }

    public static string? CheckSyntax(string text) =>
        Parser.TryParse(text, out _, out var error) ? null : $"Liquid syntax error: {error}";

    public string Render(string text, IExpressionScope scope)
    {
        var template = Templates.GetOrAdd(text, t =>
            Parser.TryParse(t, out var parsed, out var error) ? parsed : throw new ExpressionException($"Liquid syntax error: {error}"));
        var context = new TemplateContext(_options);
        var variables = scope.VariableNames.ToDictionary(n => n, n => ToPlain(scope.GetVariable(n)));
        context.SetValue("Variables", variables);
        context.SetValue("Input", scope.WorkflowInput.ToDictionary(kv => kv.Key, kv => ToPlain(kv.Value)));
        context.SetValue("WorkflowInstanceId", scope.InstanceId);
        context.SetValue("CorrelationId", scope.CorrelationId);
        foreach (var (name, value) in variables) context.SetValue(name, value);
        try
        {
            return template.Render(context);
        }
        catch (Exception ex) when (ex is not ExpressionException)
        {
            throw new ExpressionException($"Liquid error: {ex.Message}", ex);
        }
    }

    /// <summary>JSON to dictionaries, lists and primitives, which Fluid understands natively.</summary>
    internal static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(kv => kv.Key, kv => ToPlain(kv.Value)),
        JsonArray a => a.Select(ToPlain).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            // Not GetValue<decimal>(): it throws on values created from a long, which every Int32 variable is.
            JsonValueKind.Number => decimal.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
            _ => null,
        },
        _ => node.ToJsonString(),
    };
}
