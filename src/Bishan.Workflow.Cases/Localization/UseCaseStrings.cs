using System.Globalization;
using System.Resources;

namespace Bishan.Workflow.Cases.Localization;

/// <summary>
/// Messages the use cases return to the API (<c>Resources/UseCaseStrings.resx</c>, English neutral, and
/// <c>UseCaseStrings.zh-CN.resx</c>), in the request's UI culture. Kept apart from <c>DomainStrings</c> so the
/// labels of the domain and the API's error texts can change independently.
/// </summary>
public static class UseCaseStrings
{
    private static readonly ResourceManager Manager =
        new("Bishan.Workflow.Cases.Resources.UseCaseStrings", typeof(UseCaseStrings).Assembly);

    /// <summary>The formatted message for <paramref name="key"/>; the key itself when missing, so a gap shows up in review rather than as a crash.</summary>
    public static string Format(string key, params object?[] args) => FormatIn(CultureInfo.CurrentUICulture, key, args);

    /// <summary>The message for <paramref name="key"/> in the request's UI culture, or null when there is none.</summary>
    public static string? Find(string key) => Manager.GetString(key, CultureInfo.CurrentUICulture);

    /// <summary>
    /// Text that is stored rather than shown (timeline lines, notifications), always in Chinese: a record keeps the
    /// words it was written with, whatever the language of the request that caused it.
    /// </summary>
    public static string Record(string key, params object?[] args) => FormatIn(DomainCultures.Chinese, key, args);

    private static string FormatIn(CultureInfo culture, string key, object?[] args)
    {
        var text = Manager.GetString(key, culture) ?? key;
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }
}
