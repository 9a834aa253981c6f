using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Acornima;
using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;
using Jint.Runtime.Interop;
using JsEngine = Jint.Engine;

namespace Bishan.Workflow.Engine.Expressions;

/// <summary>
/// Runs JavaScript through Jint in strict mode with a fresh engine per evaluation and hard limits.
/// No CLR access: values go in and out as JSON, functions are plain Jint functions.
/// </summary>
public sealed class JavaScriptEvaluator(JavaScriptOptions? options = null)
{
    private readonly JavaScriptOptions _options = options ?? new JavaScriptOptions();
    private static readonly ConcurrentDictionary<string, Prepared<Script>> Scripts = new();

    /// <summary>Null when the script parses, else the parser's message.</summary>
    public static string? CheckSyntax(string script)
    {
        try
        {
            Prepare(script);
            return null;
        }
        catch (ExpressionException ex)
        {
            return ex.Message;
        }
    }

    public JsonNode? Evaluate(string script, IExpressionScope scope)
    {
        var prepared = Prepare(script);
        var engine = new JsEngine(o =>
        {
            o.Strict();
            o.TimeoutInterval(_options.Timeout);
            o.LimitMemory(_options.MemoryLimitBytes);
            o.MaxStatements(_options.MaxStatements);
            o.LimitRecursion(_options.MaxRecursionDepth);
            o.MaxArraySize(_options.MaxArraySize);
            o.Interop.Enabled = false;
        });
        Bind(engine, scope);
        try
        {
            var result = engine.Evaluate(prepared);
            return ToJson(engine, result);
        }
        catch (JavaScriptException ex)
        {
            throw new ExpressionException($"JavaScript error: {ex.Error} (line {ex.Location.Start.Line})", ex);
        }
        catch (TimeoutException ex)
        {
            throw new ExpressionException($"JavaScript stopped: it ran longer than {_options.Timeout.TotalSeconds:0.#} s.", ex);
        }
        catch (MemoryLimitExceededException ex)
        {
            throw new ExpressionException($"JavaScript stopped: it used more than {_options.MemoryLimitBytes / 1024 / 1024} MB.", ex);
        }
        catch (StatementsCountOverflowException ex)
        {
            throw new ExpressionException($"JavaScript stopped: it ran more than {_options.MaxStatements:N0} statements.", ex);
        }
        catch (RecursionDepthOverflowException ex)
        {
            throw new ExpressionException($"JavaScript stopped: recursion deeper than {_options.MaxRecursionDepth}.", ex);
        }
        catch (JintException ex)
        {
            throw new ExpressionException($"JavaScript stopped: {ex.Message}", ex);
        }
    }

    private static Prepared<Script> Prepare(string script) =>
        Scripts.TryGetValue(script, out var cached) ? cached : Scripts.GetOrAdd(script, PrepareCore);

    private static Prepared<Script> PrepareCore(string script)
    {
        var options = new ScriptPreparationOptions { ParsingOptions = ScriptParsingOptions.Default with { Tolerant = false } };
        ParseErrorException first;
        try
        {
            return JsEngine.PrepareScript(script, strict: true, options: options);
        }
        catch (ScriptPreparationException ex) when (ex.InnerException is ParseErrorException parseError)
        {
            // Jint 4 wraps the parser's error; without unwrapping, a typo escaped as a raw Jint exception.
            first = parseError;
        }
        try
        {
            // Elsa allows a top-level 'return'; such scripts run as the body of a function.
            return JsEngine.PrepareScript($"(function () {{\n{script}\n}})()", strict: true, options: options);
        }
        catch (ScriptPreparationException ex) when (ex.InnerException is ParseErrorException)
        {
            throw new ExpressionException($"JavaScript syntax error: {first.Description} (line {first.LineNumber}, column {first.Column})", first);
        }
    }

    private static void Bind(JsEngine engine, IExpressionScope scope)
    {
        void Fn(string name, Func<JsValue[], JsValue> body) =>
            engine.SetValue(name, new ClrFunction(engine, name, (_, args) => body(args)));

        JsValue Arg(JsValue[] args, int i) => i < args.Length ? args[i] : JsValue.Undefined;

        foreach (var (name, value) in scope.WorkflowInput)
        {
            var captured = value;
            Fn("get" + name, _ => FromJson(engine, captured));
        }
        foreach (var name in scope.VariableNames)
        {
            var n = name;
            Fn("get" + n, _ => FromJson(engine, scope.GetVariable(n)));
            Fn("set" + n, a => { scope.SetVariable(n, ToJson(engine, Arg(a, 0))); return JsValue.Undefined; });
        }
        Fn("getVariable", a => FromJson(engine, scope.GetVariable(TypeConverter.ToString(Arg(a, 0)))));
        Fn("setVariable", a =>
        {
            scope.SetVariable(TypeConverter.ToString(Arg(a, 0)), ToJson(engine, Arg(a, 1)));
            return JsValue.Undefined;
        });
        Fn("getInput", a => FromJson(engine, scope.WorkflowInput.GetValueOrDefault(TypeConverter.ToString(Arg(a, 0)))));
        Fn("getWorkflowInstanceId", _ => new JsString(scope.InstanceId));
        Fn("getCorrelationId", _ => scope.CorrelationId is null ? JsValue.Null : new JsString(scope.CorrelationId));
        if (scope.SetOutcomes is { } setOutcomes)
        {
            Fn("setOutcome", a => { setOutcomes([TypeConverter.ToString(Arg(a, 0))]); return JsValue.Undefined; });
            Fn("setOutcomes", a =>
            {
                var list = Arg(a, 0) is Jint.Native.JsArray arr
                    ? arr.Select(TypeConverter.ToString).ToList()
                    : a.Select(TypeConverter.ToString).ToList();
                setOutcomes(list);
                return JsValue.Undefined;
            });
        }
        var inputObject = new JsonObject(scope.WorkflowInput.Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())));
        engine.SetValue("input", FromJson(engine, inputObject));
        var vars = new JsonObject(scope.VariableNames.Select(n => KeyValuePair.Create(n, scope.GetVariable(n)?.DeepClone())));
        engine.SetValue("variables", FromJson(engine, vars));
    }

    private static JsValue FromJson(JsEngine engine, JsonNode? node) =>
        node is null ? JsValue.Null : new JsonParser(engine).Parse(node.ToJsonString());

    private static JsonNode? ToJson(JsEngine engine, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull()) return null;
        if (value.IsString()) return JsonValue.Create(value.AsString());
        if (value.IsBoolean()) return JsonValue.Create(value.AsBoolean());
        if (value.IsNumber())
        {
            var d = value.AsNumber();
            return d == Math.Floor(d) && Math.Abs(d) < 9e15 ? JsonValue.Create((long)d) : JsonValue.Create(d);
        }
        var json = new JsonSerializer(engine).Serialize(value, JsValue.Undefined, JsValue.Undefined);
        return json.IsUndefined() ? null : JsonNode.Parse(json.AsString());
    }
}
