using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fluid;
using Fluid.Values;

namespace Bishan.Workflow.Engine.Expressions;

/// <summary>
/// Renders Liquid text templates through Fluid under <see cref="ExpressionLimits"/>: loop steps and range sizes, nesting,
/// output length and time. The model is plain data: variables, input, ids.
/// </summary>
public sealed class LiquidEvaluator
{
    private const string Language = "Liquid";
    private static readonly FluidParser Parser = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);
    private readonly ExpressionLimits _limits;
    private readonly TemplateOptions _options;
    private readonly BoundedRangeRewriter _rewriter;

    /// <param name="filters">Text filters the host adds (see <see cref="LiquidFilter"/>).</param>
    /// <param name="limits">The limits of one render; the defaults when null.</param>
    public LiquidEvaluator(IEnumerable<LiquidFilter>? filters = null, ExpressionLimits? limits = null)
    {
        _limits = limits ?? new ExpressionLimits();
        _options = new TemplateOptions { MaxSteps = _limits.MaxIterations, MaxRecursion = _limits.MaxLiquidRecursion };
        _rewriter = new BoundedRangeRewriter(_limits.MaxIterations);
        foreach (var filter in filters ?? [])
            _options.Filters.AddFilter(filter.Name,
                (input, _, _) => new ValueTask<FluidValue>(new StringValue(filter.Apply(input.ToStringValue()))));
        LiquidFilterGuards.Install(_options.Filters, _limits.MaxOutputLength);
    }

    public static string? CheckSyntax(string text) =>
        Parser.TryParse(text, out _, out var error) ? null : $"Liquid syntax error: {error}";

    public string Render(string text, IExpressionScope scope)
    {
        var template = _templates.GetOrAdd(text, t =>
            Parser.TryParse(t, out var parsed, out var error)
                ? _rewriter.VisitTemplate(parsed)
                : throw new ExpressionException($"Liquid syntax error: {error}"));
        // Fluid 2 has no cancellation of its own: the output writer and every range look at the deadline.
        using var deadline = new CancellationTokenSource(_limits.Timeout);
        var context = new TemplateContext(_options);
        context.AmbientValues[BoundedRangeRewriter.DeadlineKey] = deadline.Token;
        var variables = scope.VariableNames.ToDictionary(n => n, n => ToPlain(scope.GetVariable(n)));
        context.SetValue("Variables", variables);
        context.SetValue("Input", scope.WorkflowInput.ToDictionary(kv => kv.Key, kv => ToPlain(kv.Value)));
        context.SetValue("WorkflowInstanceId", scope.InstanceId);
        context.SetValue("CorrelationId", scope.CorrelationId);
        foreach (var (name, value) in variables) context.SetValue(name, value);
        using var output = new BoundedTextWriter(_limits.MaxOutputLength, deadline.Token);
        try
        {
            var rendering = template.RenderAsync(output, NullEncoder.Default, context);
            if (!rendering.IsCompletedSuccessfully) rendering.AsTask().GetAwaiter().GetResult();
            return output.ToString();
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested)
        {
            throw new ExpressionLimitException(Language, ExpressionLimit.Time, _limits, ex);
        }
        catch (OutputTooLongException ex)
        {
            throw new ExpressionLimitException(Language, ExpressionLimit.Output, _limits, ex);
        }
        catch (LiquidRangeTooLargeException ex)
        {
            throw new ExpressionLimitException(Language, ExpressionLimit.Iterations, _limits, ex);
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith(StepsExceeded, StringComparison.Ordinal)
                                                   || ex.Message.StartsWith(RecursionExceeded, StringComparison.Ordinal))
        {
            throw new ExpressionLimitException(Language, StepsUsedUp(context) ? ExpressionLimit.Iterations : ExpressionLimit.Recursion, _limits, ex);
        }
        catch (Exception ex) when (ex is not ExpressionException)
        {
            throw new ExpressionException($"Liquid error: {ex.Message}", ex);
        }
    }

    // Fluid's own words when its step and recursion limits are reached. It throws InvalidOperationException for both,
    // with the recursion words for too many steps too, so its step counter tells which limit it was.
    private const string StepsExceeded = "The maximum number of statements";
    private const string RecursionExceeded = "The maximum level of recursion";
    private static readonly FieldInfo? Steps = typeof(TemplateContext).GetField("_steps", BindingFlags.NonPublic | BindingFlags.Instance);

    private bool StepsUsedUp(TemplateContext context) =>
        Steps?.GetValue(context) is not int steps || steps > _limits.MaxIterations;

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
