using System.Globalization;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Criteria;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Web.Components.Cases;

/// <summary>
/// The values of a task form while someone fills it, built from the task's form schema (<see cref="FormField"/>): checks
/// the required fields before a round trip, takes the server's field errors (<see cref="FormValidator"/> stays the
/// authority) and turns the values into the <c>data</c> object <c>CompleteTask</c> expects.
/// </summary>
public sealed class TaskFormModel
{
    private readonly Dictionary<string, string?> _text = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _flags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _ticks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    // Criteria fields: criterion id → evidence, for the ticked criteria (the evidence may still be blank).
    private readonly Dictionary<string, Dictionary<string, string?>> _criteria = new(StringComparer.Ordinal);

    public TaskFormModel(IReadOnlyList<FormField> fields, JsonObject? values = null)
    {
        Fields = fields;
        foreach (var field in fields)
        {
            var value = values?[field.Name];
            switch (field.Type)
            {
                case FormFieldType.Checkbox:
                    _flags[field.Name] = value is JsonValue b && b.TryGetValue<bool>(out var flag) && flag;
                    break;
                case FormFieldType.Checklist:
                    _ticks[field.Name] = value is JsonArray items ? [.. items.Select(i => i?.ToString() ?? "")] : [];
                    break;
                case FormFieldType.Criteria:
                    _criteria[field.Name] = value is JsonArray ticks
                        ? ticks.OfType<JsonObject>().Where(t => t["id"] is not null)
                            .GroupBy(t => t["id"]!.ToString(), StringComparer.Ordinal)
                            .ToDictionary(g => g.Key, g => g.First()["evidence"]?.ToString(), StringComparer.Ordinal)
                        : new Dictionary<string, string?>(StringComparer.Ordinal);
                    break;
                default:
                    _text[field.Name] = value?.ToString();
                    break;
            }
        }
    }

    /// <summary>The fields of a task's form JSON (<c>TaskDetail.Form</c>); none when the task has no form.</summary>
    public static TaskFormModel For(JsonNode? form) => new(FormField.ParseList(form));

    public IReadOnlyList<FormField> Fields { get; }

    /// <summary>Errors by field name: the required check here, then the server's.</summary>
    public IReadOnlyDictionary<string, string[]> Errors => _errors;

    public string? GetText(string name) => _text.GetValueOrDefault(name);

    public void SetText(string name, string? value)
    {
        _text[name] = value;
        _errors.Remove(name);
    }

    public bool GetFlag(string name) => _flags.GetValueOrDefault(name);

    public void SetFlag(string name, bool value)
    {
        _flags[name] = value;
        _errors.Remove(name);
    }

    public bool IsTicked(string name, string option) => _ticks.TryGetValue(name, out var set) && set.Contains(option);

    public void SetTicked(string name, string option, bool ticked)
    {
        if (!_ticks.TryGetValue(name, out var set)) _ticks[name] = set = [];
        if (ticked) set.Add(option);
        else set.Remove(option);
        _errors.Remove(name);
    }

    /// <summary>The criteria a criteria field offers now: its only set, or the set of the action chosen on the form.</summary>
    public CriteriaSet? CriteriaSetOf(FormField field)
    {
        if (field.ActionField is not { } actionField) return field.CriteriaSetFor(null);
        var chosen = GetText(actionField);
        return field.CriteriaSetFor(chosen is null ? [] : new JsonObject { [actionField] = chosen });
    }

    public bool IsCriterionTicked(string name, string id) => _criteria.TryGetValue(name, out var ticks) && ticks.ContainsKey(id);

    public void SetCriterionTicked(string name, string id, bool ticked)
    {
        if (!_criteria.TryGetValue(name, out var ticks)) _criteria[name] = ticks = new(StringComparer.Ordinal);
        if (ticked) ticks.TryAdd(id, null);
        else ticks.Remove(id);
        _errors.Remove($"{name}.{id}");
        _errors.Remove(name);
    }

    public string? GetEvidence(string name, string id) => _criteria.TryGetValue(name, out var ticks) ? ticks.GetValueOrDefault(id) : null;

    public void SetEvidence(string name, string id, string? evidence)
    {
        if (!_criteria.TryGetValue(name, out var ticks)) _criteria[name] = ticks = new(StringComparer.Ordinal);
        ticks[id] = evidence;
        _errors.Remove($"{name}.{id}");
    }

    public string? ErrorOf(string name) => _errors.TryGetValue(name, out var messages) ? string.Join(" ", messages) : null;

    public void AddError(string name, string message) =>
        _errors[name] = _errors.TryGetValue(name, out var messages) ? [.. messages, message] : [message];

    /// <summary>
    /// The client-side check: every field required for <paramref name="outcome"/> (always-required ones and those whose
    /// <see cref="FormField.RequiredFor"/> names it) has a value; a checkbox is never "missing", as on the server.
    /// <paramref name="requiredMessage"/> words the message for a field, in the user's language.
    /// </summary>
    public bool ValidateRequired(Func<FormField, string> requiredMessage, string? outcome = null)
    {
        _errors.Clear();
        foreach (var field in Fields.Where(f => f.IsRequiredFor(outcome) && IsEmpty(f)))
            _errors[field.Name] = [requiredMessage(field)];
        return _errors.Count == 0;
    }

    /// <summary>
    /// Takes the server's field errors; those of fields not on the form (<c>outcome</c>, <c>comment</c> on a form
    /// without one) are returned for the page to show above the buttons.
    /// </summary>
    public IReadOnlyList<string> ApplyServerErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        var other = new List<string>();
        foreach (var (name, messages) in errors)
        {
            // A criterion's error is keyed "field.criterionId" and shows under that criterion.
            if (Fields.Any(f => f.Name == name
                    || (f.Type == FormFieldType.Criteria && name.StartsWith(f.Name + ".", StringComparison.Ordinal))))
                _errors[name] = messages;
            else other.AddRange(messages);
        }
        return other;
    }

    /// <summary>The form's data for <c>CompleteTask</c>: blank fields left out, numbers as numbers, checklists as arrays.</summary>
    public JsonObject ToJson()
    {
        var data = new JsonObject();
        foreach (var field in Fields)
        {
            switch (field.Type)
            {
                case FormFieldType.Checkbox:
                    data[field.Name] = GetFlag(field.Name);
                    break;
                case FormFieldType.Checklist:
                    var ticked = (field.Options ?? []).Where(o => IsTicked(field.Name, o))
                        .Concat(_ticks.GetValueOrDefault(field.Name)?.Where(t => field.Options?.Contains(t) != true) ?? [])
                        .ToList();
                    if (ticked.Count > 0) data[field.Name] = new JsonArray([.. ticked.Select(t => (JsonNode?)JsonValue.Create(t))]);
                    break;
                case FormFieldType.Criteria:
                    // Only the criteria of the set on show (the screening's chosen action), in the set's order.
                    var set = CriteriaSetOf(field);
                    var answers = set?.Items.Where(i => IsCriterionTicked(field.Name, i.Id))
                        .Select(i => (JsonNode?)new JsonObject { ["id"] = i.Id, ["evidence"] = GetEvidence(field.Name, i.Id)?.Trim() ?? "" })
                        .ToArray() ?? [];
                    if (answers.Length > 0) data[field.Name] = new JsonArray(answers);
                    break;
                case FormFieldType.Number when GetText(field.Name) is { } text && !string.IsNullOrWhiteSpace(text):
                    // A number the server can read goes as a number; anything else as typed, for the server's message.
                    data[field.Name] = decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                        ? JsonValue.Create(number)
                        : JsonValue.Create(text.Trim());
                    break;
                default:
                    if (GetText(field.Name) is { } value && !string.IsNullOrWhiteSpace(value)) data[field.Name] = value.Trim();
                    break;
            }
        }
        return data;
    }

    /// <summary>
    /// What a select or checklist option shows: the localized label when the option is one of the domain's vocabularies
    /// (the screening form offers <c>MentalHealth</c>, people read 心理健康关爱), else the option itself.
    /// </summary>
    public static string OptionLabel(string option, CultureInfo? culture = null)
    {
        if (Enum.TryParse<FiveAction>(option, ignoreCase: false, out var action) && Enum.IsDefined(action) && !char.IsDigit(option[0]))
            return DomainLabels.For(action, culture);
        if (Enum.TryParse<Tier>(option, ignoreCase: false, out var tier) && Enum.IsDefined(tier) && !char.IsDigit(option[0]))
            return DomainLabels.For(tier, culture);
        if (Enum.TryParse<Bishan.Workflow.Cases.Model.GoalResult>(option, ignoreCase: false, out var result) && Enum.IsDefined(result) && !char.IsDigit(option[0]))
            return DomainLabels.For(result, culture);
        return option;
    }

    /// <summary>Selects with this many options or fewer show as radio buttons: one tap on a tablet instead of two.</summary>
    public const int MaxRadioOptions = 6;

    private bool IsEmpty(FormField field) => field.Type switch
    {
        FormFieldType.Checkbox => false,
        FormFieldType.Criteria => !_criteria.TryGetValue(field.Name, out var ticks) || ticks.Count == 0,
        FormFieldType.Checklist => !_ticks.TryGetValue(field.Name, out var set) || set.Count == 0,
        _ => string.IsNullOrWhiteSpace(GetText(field.Name)),
    };
}
