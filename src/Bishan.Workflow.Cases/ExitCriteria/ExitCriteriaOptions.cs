using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.ExitCriteria;

/// <summary>
/// The configuration shape that overrides the default checklists, bound from the <see cref="SectionName"/> section:
/// <code>
/// "ExitCriteria": {
///   "Actions": {
///     "DropoutPrevention": [ { "Id": "dp-attendance", "TextZh": "…", "TextEn": "…" } ]
///   }
/// }
/// </code>
/// An action listed here replaces its whole default list (a checklist is issued as a whole, not patched item by item);
/// actions not listed keep their defaults.
/// </summary>
public sealed record ExitCriteriaOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "ExitCriteria";

    /// <summary>Replacement checklists by action.</summary>
    public Dictionary<FiveAction, List<ExitCriterion>> Actions { get; init; } = [];
}
