using System.Globalization;

namespace Bishan.Workflow.Cases.ExitCriteria;

/// <summary>
/// One item of the exit checklist (《五项行动出入库评估细则》). Positional so that a configuration section or a
/// JSON document binds to it directly: <c>{ "Id": "dp-attendance", "TextZh": "…", "TextEn": "…" }</c>.
/// </summary>
/// <param name="Id">Stable id, stored with each evaluation's answers so a later wording change does not orphan them.</param>
/// <param name="TextZh">The item as caseworkers read it.</param>
/// <param name="TextEn">The item in the English UI.</param>
/// <param name="Required">Whether <c>CriteriaMet</c> needs it ticked with evidence (items that apply only to some minors are optional).</param>
public sealed record ExitCriterion(string Id, string TextZh, string TextEn, bool Required = true)
{
    /// <summary>The text for <paramref name="culture"/> (the current UI culture when null): Chinese for any zh culture, English otherwise.</summary>
    public string Text(CultureInfo? culture = null) =>
        (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "zh" ? TextZh : TextEn;
}
