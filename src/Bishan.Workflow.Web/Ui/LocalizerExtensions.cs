using Microsoft.Extensions.Localization;

namespace Bishan.Workflow.Web.Ui;

public static class LocalizerExtensions
{
    /// <summary>The string for <paramref name="key"/>, or <paramref name="fallback"/> for values the resources do not know (e.g. a new journal event name).</summary>
    public static string Or(this IStringLocalizer localizer, string key, string fallback)
    {
        var text = localizer[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }
}
