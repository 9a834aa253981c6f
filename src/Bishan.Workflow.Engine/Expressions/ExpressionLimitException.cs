using System.Globalization;
using System.Resources;

namespace Bishan.Workflow.Engine.Expressions;

/// <summary>
/// An expression reached one of its <see cref="ExpressionLimits"/>. The message, in the current UI culture (zh-CN or
/// English), says which limit and names its setting; <see cref="Code"/> is <c>ExpressionLimit.{limit}</c>.
/// </summary>
public sealed class ExpressionLimitException : ExpressionException
{
    private static readonly ResourceManager Strings =
        new("Bishan.Workflow.Engine.Resources.ExpressionStrings", typeof(ExpressionLimitException).Assembly);

    public ExpressionLimitException(string language, ExpressionLimit limit, ExpressionLimits limits, Exception? inner = null)
        : base(Describe(language, limit, limits), inner)
    {
        Limit = limit;
    }

    public ExpressionLimit Limit { get; }

    public override string Code => "ExpressionLimit." + Limit;

    private static string Describe(string language, ExpressionLimit limit, ExpressionLimits limits)
    {
        var culture = CultureInfo.CurrentUICulture;
        var value = limit switch
        {
            ExpressionLimit.Time => limits.Timeout.TotalSeconds.ToString("0.###", culture),
            ExpressionLimit.Memory => (limits.MemoryLimitBytes / 1024 / 1024).ToString("N0", culture),
            ExpressionLimit.Output => limits.MaxOutputLength.ToString("N0", culture),
            ExpressionLimit.Iterations => limits.MaxIterations.ToString("N0", culture),
            ExpressionLimit.Statements => limits.MaxStatements.ToString("N0", culture),
            ExpressionLimit.Recursion => (language == "Liquid" ? limits.MaxLiquidRecursion : limits.MaxRecursionDepth).ToString("N0", culture),
            ExpressionLimit.Regex => limits.EffectiveRegexTimeout.TotalSeconds.ToString("0.###", culture),
            _ => "",
        };
        var template = Strings.GetString("ExpressionLimit." + limit, culture) ?? limit.ToString();
        return string.Format(culture, template, language, value, Setting(limit, language));
    }

    /// <summary>The setting that raises the limit, as written in the configuration.</summary>
    public static string Setting(ExpressionLimit limit, string language) => ExpressionLimits.SectionName + ":" + limit switch
    {
        ExpressionLimit.Time => nameof(ExpressionLimits.Timeout),
        ExpressionLimit.Memory => nameof(ExpressionLimits.MemoryLimitBytes),
        ExpressionLimit.Output => nameof(ExpressionLimits.MaxOutputLength),
        ExpressionLimit.Iterations => nameof(ExpressionLimits.MaxIterations),
        ExpressionLimit.Statements => nameof(ExpressionLimits.MaxStatements),
        ExpressionLimit.Recursion => language == "Liquid" ? nameof(ExpressionLimits.MaxLiquidRecursion) : nameof(ExpressionLimits.MaxRecursionDepth),
        _ => nameof(ExpressionLimits.RegexTimeout),
    };
}
