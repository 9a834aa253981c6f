using Fluid;
using Fluid.Values;

namespace Bishan.Workflow.Engine.Expressions;

/// <summary>
/// Bounds what Liquid filters build: every filter's text result is checked against the output limit (so doubling a
/// variable with <c>append</c> stops at once), and <c>join</c> and <c>replace</c>, whose result can be many times their
/// input, are checked before they run.
/// </summary>
internal static class LiquidFilterGuards
{
    public static void Install(FilterCollection filters, int maxLength)
    {
        foreach (var (name, original) in filters.ToList())
        {
            var pre = name switch
            {
                "join" => (Func<FluidValue, FilterArguments, long>)((input, args) =>
                    Size(input) + Math.Max(0, Count(input) - 1) * (args.Count > 0 ? Size(args.At(0)) : 1)),
                "replace" => (input, args) =>
                    Size(input) + Occurrences(input.ToStringValue(), args.At(0).ToStringValue()) * Size(args.At(1)),
                _ => null,
            };
            filters.AddFilter(name, async (input, args, context) =>
            {
                if (pre is not null && pre(input, args) > maxLength) throw new OutputTooLongException();
                var result = await original(input, args, context);
                if (Size(result) > maxLength) throw new OutputTooLongException();
                return result;
            });
        }
    }

    private static long Size(FluidValue value) => value switch
    {
        StringValue s => s.ToStringValue().Length,
        ArrayValue a => a.Values.Sum(v => v is StringValue s ? (long)s.ToStringValue().Length : 1),
        _ => 0,
    };

    private static long Count(FluidValue value) => value is ArrayValue a ? a.Values.Count : 0;

    private static long Occurrences(string text, string pattern)
    {
        if (pattern.Length == 0) return 0;
        var count = 0L;
        for (var at = text.IndexOf(pattern, StringComparison.Ordinal); at >= 0; at = text.IndexOf(pattern, at + pattern.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
