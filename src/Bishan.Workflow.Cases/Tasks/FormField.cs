using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Criteria;

namespace Bishan.Workflow.Cases.Tasks;

/// <summary>
/// One field of a user task's form. The form is a small JSON schema the UI renders; submitted values
/// land in workflow variables of the same name. <see cref="OptionsSource"/> names options the host fills
/// when it creates the task, e.g. <c>exitCriteria</c>: the exit criteria of the case's action
/// (《出入库评估细则》), so that the list stays configurable per action outside the workflow. <see cref="RequiredFor"/>
/// names the outcomes for which an otherwise optional field must be filled (a screening's action and tier when the
/// outcome is Eligible): the server refuses such a completion with the message at the field.
/// </summary>
public sealed record FormField(
    string Name,
    string Label,
    FormFieldType Type,
    bool Required = false,
    IReadOnlyList<string>? Options = null,
    int? MaxLength = null,
    string? OptionsSource = null,
    IReadOnlyList<string>? RequiredFor = null,
    IReadOnlyList<CriteriaSet>? CriteriaSets = null,
    string? ActionField = null)
{
    /// <summary>
    /// The criteria set a <see cref="FormFieldType.Criteria"/> field judges <paramref name="data"/> by: the only set, or
    /// the set of the action chosen in <see cref="ActionField"/> (screening offers every action's entry criteria).
    /// </summary>
    public CriteriaSet? CriteriaSetFor(JsonObject? data)
    {
        if (CriteriaSets is not { Count: > 0 } sets) return null;
        if (ActionField is null) return sets.Count == 1 ? sets[0] : null;
        var chosen = data?[ActionField] is JsonValue v && v.TryGetValue<string>(out var a) ? a : null;
        return sets.FirstOrDefault(s => string.Equals(s.Action.ToString(), chosen, StringComparison.Ordinal));
    }

    /// <summary>Whether the field must be filled when the task is completed with <paramref name="outcome"/>.</summary>
    public bool IsRequiredFor(string? outcome) =>
        Required || (outcome is not null && RequiredFor is { } outcomes && outcomes.Contains(outcome, StringComparer.Ordinal));

    public static IReadOnlyList<FormField> ParseList(JsonNode? node)
    {
        if (node is JsonValue v && v.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text))
            node = JsonNode.Parse(text);
        if (node is not JsonArray array) return [];
        return array.OfType<JsonObject>().Select(o => new FormField(
            o["name"]?.ToString() ?? throw new FormatException("A form field has no name."),
            o["label"]?.ToString() ?? o["name"]!.ToString(),
            Enum.TryParse<FormFieldType>(o["type"]?.ToString(), ignoreCase: true, out var t) ? t : FormFieldType.Text,
            o["required"] is JsonValue r && r.TryGetValue<bool>(out var req) && req,
            (o["options"] as JsonArray)?.Select(x => x?.ToString() ?? "").ToList(),
            o["maxLength"] is JsonValue m && m.TryGetValue<int>(out var max) ? max : null,
            o["optionsSource"]?.ToString(),
            (o["requiredFor"] as JsonArray)?.Select(x => x?.ToString() ?? "").Where(x => x.Length > 0).ToList(),
            (o["criteriaSets"] as JsonArray)?.Select(CriteriaSet.FromJson).OfType<CriteriaSet>().ToList(),
            o["actionField"]?.ToString())).ToList();
    }

    public JsonObject ToJson()
    {
        var o = new JsonObject { ["name"] = Name, ["label"] = Label, ["type"] = Type.ToString(), ["required"] = Required };
        if (Options is not null) o["options"] = new JsonArray(Options.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray());
        if (MaxLength is not null) o["maxLength"] = MaxLength;
        if (OptionsSource is not null) o["optionsSource"] = OptionsSource;
        if (RequiredFor is { Count: > 0 }) o["requiredFor"] = new JsonArray(RequiredFor.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray());
        if (CriteriaSets is { Count: > 0 }) o["criteriaSets"] = new JsonArray(CriteriaSets.Select(x => (JsonNode?)x.ToJson()).ToArray());
        if (ActionField is not null) o["actionField"] = ActionField;
        return o;
    }
}

public enum FormFieldType
{
    Text,
    TextArea,
    Number,
    Date,
    Select,
    Checkbox,

    /// <summary>Several options ticked: the value is a JSON array of the ticked options.</summary>
    Checklist,

    /// <summary>
    /// Entry or exit criteria ticked with evidence: the value is a JSON array of <c>{ "id": …, "evidence": … }</c>, one
    /// per ticked criterion of the field's <see cref="FormField.CriteriaSets"/>. With the outcome named in
    /// <see cref="FormField.RequiredFor"/> every required criterion must be ticked with evidence.
    /// </summary>
    Criteria,
}
