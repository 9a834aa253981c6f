namespace Bishan.Workflow.Engine.Expressions;

/// <summary>
/// The limits every expression (JavaScript, Liquid) runs under, bound from the <see cref="SectionName"/> settings.
/// An expression that reaches one stops with an <see cref="ExpressionLimitException"/> naming it, and its instance faults.
/// </summary>
public sealed record ExpressionLimits
{
    public const string SectionName = "Workflows:Expressions";

    /// <summary>The longest a regular expression match may take, whatever <see cref="RegexTimeout"/> says.</summary>
    public static readonly TimeSpan MaxRegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Wall-clock time of one evaluation.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Memory one JavaScript evaluation may allocate.</summary>
    public long MemoryLimitBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>JavaScript statements of one evaluation; 0 for no limit (the time limit still holds).</summary>
    public int MaxStatements { get; init; } = 1_000_000;

    /// <summary>Nested JavaScript calls.</summary>
    public int MaxRecursionDepth { get; init; } = 256;

    /// <summary>Nested Liquid blocks and includes.</summary>
    public int MaxLiquidRecursion { get; init; } = 50;

    /// <summary>Elements of one JavaScript array.</summary>
    public uint MaxArraySize { get; init; } = 100_000;

    /// <summary>
    /// Characters of the text an expression produces: a Liquid template's output, a JavaScript result and any string
    /// a built-in such as <c>JSON.stringify</c>, <c>repeat</c>, <c>padStart</c>, <c>join</c> or <c>replaceAll</c> builds.
    /// </summary>
    public int MaxOutputLength { get; init; } = 2_000_000;

    /// <summary>Liquid loop iterations of one render (all loops together) and the size of a range such as <c>(1..n)</c>.</summary>
    public int MaxIterations { get; init; } = 100_000;

    /// <summary>One regular expression match; capped at <see cref="MaxRegexTimeout"/>.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The regex timeout actually used: positive and at most <see cref="MaxRegexTimeout"/>.</summary>
    public TimeSpan EffectiveRegexTimeout =>
        RegexTimeout <= TimeSpan.Zero || RegexTimeout > MaxRegexTimeout ? MaxRegexTimeout : RegexTimeout;
}
