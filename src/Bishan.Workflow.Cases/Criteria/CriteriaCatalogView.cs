using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Criteria;

/// <summary>One action's entry or exit criteria: the current version with its items and the versions before it.</summary>
/// <param name="Stored">False while only the default exists (it is stored as version 1 the first time a form or an edit needs it).</param>
public sealed record CriteriaCatalogView(
    string Kind,
    string Action,
    string ActionLabel,
    int Version,
    long? VersionId,
    bool Stored,
    DateTime PublishedAtUtc,
    string? PublishedBy,
    string? Note,
    IReadOnlyList<CriterionItem> Items,
    IReadOnlyList<CriteriaVersionSummary> History)
{
    public static CriteriaCatalogView Of(CriteriaKind kind, FiveAction action, IReadOnlyList<CriteriaVersion> versions, CriteriaVersion fallback,
        Func<string?, string?> nameOf)
    {
        var ordered = versions.OrderByDescending(v => v.Number).ToList();
        var current = ordered.Count > 0 ? ordered[0] : fallback;
        return new CriteriaCatalogView(kind.ToString(), action.ToString(), DomainLabels.For(action), current.Number,
            current.Id > 0 ? current.Id : null, ordered.Count > 0, current.PublishedAtUtc, nameOf(current.PublishedByUserId), current.Note,
            CriteriaJson.Deserialize(current.ItemsJson),
            ordered.Select(v => new CriteriaVersionSummary(v.Id, v.Number, v.PublishedAtUtc, nameOf(v.PublishedByUserId), v.Note,
                CriteriaJson.Deserialize(v.ItemsJson).Count)).ToList());
    }
}

/// <summary>One published version in an action's history.</summary>
public sealed record CriteriaVersionSummary(long Id, int Version, DateTime PublishedAtUtc, string? PublishedBy, string? Note, int ItemCount);
