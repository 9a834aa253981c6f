using System.Globalization;
using Bishan.Workflow.Cases.Localization;

namespace Bishan.Workflow.Web.Ui;

/// <summary>
/// The language switch. A circuit keeps the culture it started with, so switching goes through an endpoint that
/// sets the culture cookie and reloads the page the user was on.
/// </summary>
public static class CultureSwitch
{
    public const string CultureParameter = "culture";
    public const string ReturnUrlParameter = "returnUrl";

    public static IReadOnlyList<CultureInfo> Supported => DomainCultures.All;

    /// <summary>The link that switches to <paramref name="cultureName"/> and comes back to <paramref name="returnUrl"/> (app-relative).</summary>
    public static string Url(string cultureName, string returnUrl) =>
        $"{UiRoutes.Culture}?{CultureParameter}={Uri.EscapeDataString(cultureName)}&{ReturnUrlParameter}={Uri.EscapeDataString(LocalUrl.OrRoot(returnUrl))}";

    /// <summary>The supported culture named <paramref name="name"/>, or null for anything else (no arbitrary cookie values).</summary>
    public static CultureInfo? Find(string? name) =>
        Supported.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
