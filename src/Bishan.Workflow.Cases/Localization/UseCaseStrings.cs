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

    /// <summary>
    /// How a field of a use case's input reads in the request's UI culture (<c>FieldLabel_{field}</c>: <c>name</c> is 姓名),
    /// so a field error names the field the way the form labels it. A field without a label comes back as its key, which
    /// the resource completeness test rejects before it ships.
    /// </summary>
    public static string FieldLabel(string field) => FindFieldLabel(field, CultureInfo.CurrentUICulture) ?? field;

    /// <summary>The label of <paramref name="field"/> in <paramref name="culture"/> (falling back to English), or null when there is none.</summary>
    public static string? FindFieldLabel(string field, CultureInfo culture) => Manager.GetString(FieldLabelPrefix + field, culture);

    /// <summary>The resource key prefix of field labels.</summary>
    public const string FieldLabelPrefix = "FieldLabel_";

    /// <summary>
    /// Whether <paramref name="culture"/>'s own resource file has <paramref name="key"/>, without falling back to the
    /// neutral (English) file; for the tests that prove both languages are complete.
    /// </summary>
    internal static bool HasOwn(string key, CultureInfo culture) =>
        Manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.GetString(key) is not null;

    private static string FormatIn(CultureInfo culture, string key, object?[] args)
    {
        var text = Manager.GetString(key, culture) ?? key;
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }
}
