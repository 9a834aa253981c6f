using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Interop;
using JsEngine = Jint.Engine;

namespace Bishan.Workflow.Engine.Expressions;

/// <summary>
/// Jint checks its time, statement and memory limits between statements, never inside a built-in, so
/// <c>JSON.stringify</c> of a graph that repeats itself (<c>o=[o,o]</c> 25 times) ran for tens of seconds and built a
/// gigabyte string. These guards replace the built-ins whose output can grow faster than the script's own statements
/// (stringify, repeat, padStart/padEnd, concat, join, replace/replaceAll) with ones that first work out how long their
/// text would be and stop at <see cref="ExpressionLimits.MaxOutputLength"/>.
/// </summary>
internal static class JavaScriptGuards
{
    private const string Language = "JavaScript";

    public static void Install(JsEngine engine, ExpressionLimits limits)
    {
        var max = limits.MaxOutputLength;
        void Refuse() => throw new ExpressionLimitException(Language, ExpressionLimit.Output, limits);
        void Check(long length)
        {
            if (length > max) Refuse();
        }

        var json = engine.GetValue("JSON").AsObject();
        Wrap(engine, json, "stringify", (original, self, args) =>
        {
            Check(JsonLength(Arg(args, 0), max));
            var text = engine.Call(original, self, args);
            if (text.IsString()) Check(text.AsString().Length);
            return text;
        });

        var strings = engine.GetValue("String").AsObject().Get("prototype").AsObject();
        Wrap(engine, strings, "repeat", (original, self, args) =>
        {
            var count = TypeConverter.ToNumber(Arg(args, 0));
            if (count >= 1) Check((long)Math.Min(count * TypeConverter.ToString(self).Length, long.MaxValue));
            return engine.Call(original, self, args);
        });
        foreach (var pad in (string[])["padStart", "padEnd"])
            Wrap(engine, strings, pad, (original, self, args) =>
            {
                var target = TypeConverter.ToNumber(Arg(args, 0));
                if (target > max) Check((long)Math.Min(target, long.MaxValue));
                return engine.Call(original, self, args);
            });
        Wrap(engine, strings, "concat", (original, self, args) =>
        {
            var total = (long)TypeConverter.ToString(self).Length;
            foreach (var a in args) total += a.IsString() ? a.AsString().Length : 0;
            Check(total);
            return engine.Call(original, self, args);
        });
        foreach (var replace in (string[])["replace", "replaceAll"])
            Wrap(engine, strings, replace, (original, self, args) =>
            {
                var text = TypeConverter.ToString(self);
                var pattern = Arg(args, 0);
                var replacement = Arg(args, 1);
                if (replacement is Jint.Native.Function.Function callback)
                {
                    // Each call's text is counted before the built-in joins them.
                    var total = (long)text.Length;
                    var counting = new ClrFunction(engine, "replacer", (t, a) =>
                    {
                        var part = engine.Call(callback, t, a);
                        total += TypeConverter.ToString(part).Length;
                        Check(total);
                        return part;
                    });
                    return engine.Call(original, self, [pattern, counting]);
                }
                var literal = TypeConverter.ToString(replacement);
                if (text.Length + (text.Length + 1L) * literal.Length <= max) return engine.Call(original, self, args);
                if (pattern.IsString())
                {
                    var occurrences = Occurrences(text, pattern.AsString());
                    Check(text.Length + (replace == "replace" ? Math.Min(occurrences, 1) : occurrences) * literal.Length);
                }
                else if (!literal.Contains('$', StringComparison.Ordinal))
                {
                    // A regex with a plain replacement: the same text from a function, counted as it goes.
                    var total = (long)text.Length;
                    var counting = new ClrFunction(engine, "replacer", (_, _) =>
                    {
                        total += literal.Length;
                        Check(total);
                        return new JsString(literal);
                    });
                    return engine.Call(original, self, [pattern, counting]);
                }
                else
                {
                    // '$1', '$&'... expand per match; without the matches, the bound is all there is.
                    Refuse();
                }
                return engine.Call(original, self, args);
            });

        var arrays = engine.GetValue("Array").AsObject().Get("prototype").AsObject();
        Wrap(engine, arrays, "join", (original, self, args) =>
        {
            if (self is ObjectInstance array)
            {
                var separator = Arg(args, 0).IsUndefined() ? 1 : TypeConverter.ToString(Arg(args, 0)).Length;
                var length = (long)TypeConverter.ToLength(array.Get("length"));
                var total = Math.Max(0, length - 1) * separator;
                for (var i = 0L; i < length && total <= max; i++)
                    if (array.Get(i) is var item && item.IsString()) total += item.AsString().Length;
                Check(total);
            }
            return engine.Call(original, self, args);
        });
    }

    private static JsValue Arg(JsValue[] args, int i) => i < args.Length ? args[i] : JsValue.Undefined;

    private static void Wrap(JsEngine engine, ObjectInstance owner, string name, Func<JsValue, JsValue, JsValue[], JsValue> guard)
    {
        var original = owner.Get(name);
        owner.Set(name, new ClrFunction(engine, name, (self, args) => guard(original, self, args), original is ObjectInstance o ? (int)TypeConverter.ToNumber(o.Get("length")) : 0));
    }

    private static long Occurrences(string text, string pattern)
    {
        if (pattern.Length == 0) return text.Length + 1L;
        var count = 0L;
        for (var at = text.IndexOf(pattern, StringComparison.Ordinal); at >= 0; at = text.IndexOf(pattern, at + pattern.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    /// <summary>
    /// A lower bound of the length <c>JSON.stringify</c> would produce, counted until it passes <paramref name="max"/>.
    /// Walks without recursion (a deep nest cannot overflow the stack) and counts a shared part each time it appears, as
    /// the text repeats it; a cycle runs over the bound too, where the built-in would have thrown.
    /// </summary>
    private static long JsonLength(JsValue root, long max)
    {
        var total = 0L;
        var pending = new Stack<JsValue>();
        pending.Push(root);
        while (pending.Count > 0 && total <= max)
        {
            var value = pending.Pop();
            if (value.IsString()) total += value.AsString().Length + 2;
            else if (value.IsNumber() || value.IsBoolean() || value.IsNull()) total += 1;
            else if (value is ObjectInstance obj && value is not Jint.Native.Function.Function)
            {
                if (obj.IsArray())
                {
                    var length = (long)TypeConverter.ToLength(obj.Get("length"));
                    total += 1 + length;
                    for (var i = 0L; i < length && total <= max; i++) pending.Push(obj.Get(i));
                }
                else
                {
                    total += 2;
                    foreach (var key in obj.GetOwnPropertyKeys(Types.String))
                    {
                        var property = obj.GetOwnProperty(key);
                        if (!property.Enumerable || !property.IsDataDescriptor()) continue;
                        total += key.AsString().Length + 3;
                        pending.Push(property.Value);
                        if (total > max) break;
                    }
                }
            }
        }
        return total;
    }
}
