using System.Globalization;
using System.Resources;

namespace Bishan.Workflow.Cases.Localization;

/// <summary>
/// Reads <c>DomainStrings.resx</c> (English, the neutral fallback) and <c>DomainStrings.zh-CN.resx</c>.
/// Hand-written rather than generated because SDK builds outside Visual Studio do not run the ResX designer.
/// </summary>
internal static class DomainStrings
{
    private static readonly ResourceManager Manager =
        new("Bishan.Workflow.Cases.Resources.DomainStrings", typeof(DomainStrings).Assembly);

    /// <summary>The string for <paramref name="key"/>, or <c>null</c> when the key is missing in every culture.</summary>
    public static string? Find(string key, CultureInfo? culture) =>
        Manager.GetString(key, culture ?? CultureInfo.CurrentUICulture);
}
