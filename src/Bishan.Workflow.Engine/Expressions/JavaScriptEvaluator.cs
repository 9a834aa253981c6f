using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
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
/// Runs JavaScript through Jint in strict mode with a fresh engine per evaluation under <see cref="ExpressionLimits"/>:
/// time (also inside built-ins that check cancellation), memory, statements, recursion, array size, output length and a
/// regex timeout of at most a second. No CLR access: values go in and out as JSON, functions are plain Jint functions.
/// </summary>
public sealed class JavaScriptEvaluator(ExpressionLimits? limits = null)
{
    private const string Language = "JavaScript";
    private readonly ExpressionLimits _limits = limits ?? new ExpressionLimits();
    private static readonly ConcurrentDictionary<string, Prepared<Script>> Scripts = new();

    // Binary buffers and shared memory are no use to a workflow expression and allocate outside the array limit.
    private static readonly string[] RemovedGlobals =
    [
        "ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics", "Int8Array", "Uint8Array", "Uint8ClampedArray",
        "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float16Array", "Float32Array", "Float64Array",
        "BigInt64Array", "BigUint64Array", "WeakRef", "FinalizationRegistry",
    ];

    public ExpressionLimits Limits => _limits;

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
        using var deadline = new CancellationTokenSource(_limits.Timeout);
        var engine = new JsEngine(o =>
        {
            o.Strict();
            o.TimeoutInterval(_limits.Timeout);
            o.CancellationToken(deadline.Token);
            o.LimitMemory(_limits.MemoryLimitBytes);
            o.MaxStatements(_limits.MaxStatements);
            o.LimitRecursion(_limits.MaxRecursionDepth);
            o.MaxArraySize(_limits.MaxArraySize);
            o.RegexTimeoutInterval(_limits.EffectiveRegexTimeout);
            o.Interop.Enabled = false;
        });
        foreach (var name in RemovedGlobals) engine.Global.RemoveOwnProperty(name);
        JavaScriptGuards.Install(engine, _limits);
        Bind(engine, scope);
        try
        {
            var result = engine.Evaluate(prepared);
            return ToJson(engine, result);
        }
        catch (ExpressionException)
        {
            throw;
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw new ExpressionLimitException(Language, ExpressionLimit.Regex, _limits, ex);
        }
        catch (JavaScriptException ex) when (IsRegexTimeout(ex))
        {
            throw new ExpressionLimitException(Language, ExpressionLimit.Regex, _limits, ex);
        }
        catch (JavaScriptException ex)
        {
            throw new ExpressionException($"JavaScript error: {ex.Error} (line {ex.Location.Start.Line})", ex);
        }
        catch (TimeoutException ex)
        {
            throw new ExpressionLimitException(Language, ExpressionLimit.Time, _limits, ex);
        }
        catch (ExecutionCanceledException ex)
        {
            throw new ExpressionLimitException(Language, ExpressionLimit.Time, _limits, ex);
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested)
        {
            throw new ExpressionLimitException(Language, ExpressionLimit.Time, _limits, ex);
        }
        catch (MemoryLimitExceededException ex)
        {
            throw new ExpressionLimitException(Language, ExpressionLimit.Memory, _limits, ex);
        }
        catch (OutOfMemoryException ex)
        {
            throw new ExpressionLimitException(Language, ExpressionLimit.Memory, _limits, ex);
        }
        catch (StatementsCountOverflowException ex)
        {
            throw new ExpressionLimitException(Language, ExpressionLimit.Statements, _limits, ex);
        }
        catch (RecursionDepthOverflowException ex)
        {
            throw new ExpressionLimitException(Language, ExpressionLimit.Recursion, _limits, ex);
        }
        catch (JintException ex)
        {
            throw new ExpressionException($"JavaScript stopped: {ex.Message}", ex);
        }
    }

    private static bool IsRegexTimeout(JavaScriptException ex) =>
        ex.InnerException is RegexMatchTimeoutException
        || ex.Message.Contains("Regex", StringComparison.OrdinalIgnoreCase) && ex.Message.Contains("time", StringComparison.OrdinalIgnoreCase);

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
