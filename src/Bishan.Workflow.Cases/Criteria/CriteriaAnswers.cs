using System.Text.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Tasks;

namespace Bishan.Workflow.Cases.Criteria;

/// <summary>
/// Reads and checks the value of a <see cref="FormFieldType.Criteria"/> field: a JSON array of
/// <c>{ "id": …, "evidence": … }</c>, one per ticked criterion. The gate: with an outcome the field is required for
/// (<c>CriteriaMet</c>, <c>Eligible</c>) every required criterion of the set must be ticked, and every ticked criterion
/// needs evidence. Errors are keyed <c>{field}.{criterion id}</c> and name the criterion by its text in the reader's language.
/// </summary>
public static class CriteriaAnswers
{
    /// <summary>The longest evidence text one criterion takes.</summary>
    public const int MaxEvidenceLength = 1000;

    /// <summary>The field errors of <paramref name="data"/> for <paramref name="field"/> (empty when it passes).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Check(FormField field, JsonObject data, string? outcome)
    {
        var errors = new List<KeyValuePair<string, string>>();
        var value = data[field.Name];
        var ticks = Parse(value);
        if (ticks is null)
        {
            errors.Add(new(field.Name, UseCaseStrings.Format("Gates_CriteriaNotAList", field.Label)));
            return errors;
        }

        var set = field.CriteriaSetFor(data);
        if (set is null)
        {
            // No action chosen yet (the action field reports that itself), or a form without criteria: nothing to judge by.
            if (ticks.Count > 0 && field.CriteriaSets is not { Count: > 0 })
                errors.Add(new(field.Name, UseCaseStrings.Format("Form_ListHasUnknownOption", field.Label)));
            return errors;
        }

        var byId = set.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var (id, evidence) in ticks)
        {
            if (!byId.TryGetValue(id, out var item))
            {
                errors.Add(new($"{field.Name}.{id}", UseCaseStrings.Format("Gates_CriterionUnknown", id)));
                continue;
            }
            if (string.IsNullOrWhiteSpace(evidence))
                errors.Add(new($"{field.Name}.{id}", UseCaseStrings.Format("Gates_EvidenceRequired", item.Text())));
            else if (evidence.Trim().Length > MaxEvidenceLength)
                errors.Add(new($"{field.Name}.{id}", UseCaseStrings.Format("Gates_EvidenceTooLong", item.Text(), MaxEvidenceLength)));
        }

        if (field.IsRequiredFor(outcome))
        {
            var ticked = ticks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var item in set.Items.Where(i => i.Required && !ticked.Contains(i.Id)))
                errors.Add(new($"{field.Name}.{item.Id}", UseCaseStrings.Format("Gates_CriterionMissing", item.Text(), DomainLabels.ForOutcome(outcome!))));
        }
        return errors;
    }

    /// <summary>The ticked criteria with their evidence as recorded with the judgement (texts as judged).</summary>
    public static IReadOnlyList<CriterionAnswer> Record(FormField field, JsonObject data)
    {
        var set = field.CriteriaSetFor(data);
        var ticks = Parse(data[field.Name]);
        if (set is null || ticks is null) return [];
        var byId = set.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        return ticks.Where(t => byId.ContainsKey(t.Id) && !string.IsNullOrWhiteSpace(t.Evidence))
            .Select(t => Answer(byId[t.Id], t.Evidence!))
            .ToList();
    }

    private static CriterionAnswer Answer(CriterionItem item, string evidence) =>
        new(item.Id, item.TextZh, item.TextEn, item.Required, evidence.Trim());

    /// <summary>(id, evidence) per ticked criterion; an absent value is no ticks; null when the shape is wrong.</summary>
    private static List<(string Id, string? Evidence)>? Parse(JsonNode? value)
    {
        if (value is null) return [];
        if (value is JsonValue text && text.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(text.GetValue<string>())) return [];
        if (value is not JsonArray array) return null;
        var ticks = new List<(string, string?)>();
        foreach (var node in array)
        {
            if (node is not JsonObject o || o["id"] is not JsonValue id || id.GetValueKind() != JsonValueKind.String) return null;
            var evidence = o["evidence"] is JsonValue e && e.GetValueKind() == JsonValueKind.String ? e.GetValue<string>() : null;
            if (o["evidence"] is { } other && evidence is null && other.GetValueKind() != JsonValueKind.Null) return null;
            var key = id.GetValue<string>();
            if (ticks.Exists(t => string.Equals(t.Item1, key, StringComparison.Ordinal))) continue;
            ticks.Add((key, evidence));
        }
        return ticks;
    }
}
