using System.Globalization;

namespace Bishan.Workflow.Cases.Localization;

/// <summary>The two UI cultures. Chinese is the default because the users are district staff; English is the second language.</summary>
public static class DomainCultures
{
    /// <summary>zh-CN, the default UI culture.</summary>
    public static CultureInfo Chinese { get; } = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>en, the second UI culture.</summary>
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");

    /// <summary>Both, default first, for request-localisation setup and for tests that check every label exists.</summary>
    public static IReadOnlyList<CultureInfo> All { get; } = [Chinese, English];
}
