using System.Globalization;

namespace Bishan.Workflow.Cases.Criteria;

/// <summary>One criterion of a published catalogue version.</summary>
/// <param name="Id">Stable id within the action's list (kept across versions when the item keeps its meaning).</param>
/// <param name="TextZh">The criterion as caseworkers read it.</param>
/// <param name="TextEn">The criterion in the English UI.</param>
/// <param name="Required">Whether the gate needs it ticked with evidence (optional items may be ticked too).</param>
public sealed record CriterionItem(string Id, string TextZh, string TextEn, bool Required = true)
{
    /// <summary>The text for <paramref name="culture"/> (the current UI culture when null): Chinese for any zh culture.</summary>
    public string Text(CultureInfo? culture = null) =>
        string.Equals((culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName, "zh", StringComparison.Ordinal) ? TextZh : TextEn;
}
