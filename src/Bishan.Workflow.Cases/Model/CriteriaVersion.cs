using Bishan.Workflow.Cases.Criteria;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// One published version of an action's entry or exit criteria. Versions are append-only: an edit publishes a new
/// number, and a screening or exit evaluation keeps the id of the version it was judged by.
/// </summary>
public sealed class CriteriaVersion
{
    public long Id { get; set; }
    public CriteriaKind Kind { get; set; }
    public FiveAction Action { get; set; }

    /// <summary>1, 2, 3 … per kind and action; version 1 is the shipped default (or the configured list).</summary>
    public int Number { get; set; }

    /// <summary>The items, a JSON array of <see cref="CriterionItem"/> (camelCase).</summary>
    public string ItemsJson { get; set; } = "[]";

    public DateTime PublishedAtUtc { get; set; }

    /// <summary>Who published it; null for the default version stored on first use.</summary>
    public string? PublishedByUserId { get; set; }

    public string? Note { get; set; }
}
