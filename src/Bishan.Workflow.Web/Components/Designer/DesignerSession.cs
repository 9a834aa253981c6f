using System.Globalization;
using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Authoring;
using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Descriptors;
using Bishan.Workflow.Engine.Validation;

namespace Bishan.Workflow.Web.Components.Designer;

/// <summary>
/// One definition open in the designer: the engine's <see cref="FlowchartDocument"/> (the Elsa JSON itself is the
/// model) plus what the canvas needs to draw it (display names in the UI culture, outcome ports) and the
/// validator's errors per activity. Every canvas gesture is one call here, so one document edit and one undo step.
/// </summary>
public sealed class DesignerSession
{
    private readonly ActivityRegistry _registry;
    private readonly WorkflowValidator _validator;
    private FlowchartDocument _document;
    private IReadOnlyList<ValidationError> _errors = [];
    private Dictionary<string, ActivityNode> _nodes = new(StringComparer.Ordinal);

    public DesignerSession(string json, ActivityRegistry registry, WorkflowValidator validator)
    {
        _registry = registry;
        _validator = validator;
        _document = FlowchartDocument.Parse(json);
        Refresh();
    }

    public FlowchartDocument Document => _document;
    public ActivityRegistry Registry => _registry;
    public string DefinitionId => _document.DefinitionId;

    /// <summary>True after an edit that is not saved yet (undo back to the saved state still counts as a change).</summary>
    public bool IsDirty { get; private set; }

    /// <summary>Raised after every edit, undo and redo: the canvas syncs itself to the document.</summary>
    public event Action? Changed;

    public IReadOnlyList<ValidationError> Errors => _errors;

    /// <summary>The lint pass's warnings (unreachable activities, dead ends): publishing asks first while there are any.</summary>
    public IReadOnlyList<LintWarning> Warnings { get; private set; } = [];

    public IReadOnlyList<LintWarning> WarningsOf(string activityId) =>
        Warnings.Where(w => w.ActivityId == activityId).ToList();

    public IReadOnlyList<ValidationError> ErrorsOf(string activityId) =>
        _errors.Where(e => e.ActivityId == activityId).ToList();

    public IReadOnlyList<ActivityView> Activities => _document.Activities();
    public IReadOnlyList<ConnectionView> Connections => _document.Connections();
    public JsonObject? Activity(string id) => _document.Activity(id);
    public ActivityDescriptor? Describe(string type) => _registry.Find(type);

    /// <summary>The activity types an administrator may add, by category, in the given UI culture.</summary>
    public IReadOnlyList<IGrouping<string, ActivityDescriptor>> Palette(string culture) =>
        _registry.Descriptors.Where(d => d.Browsable)
            .OrderBy(d => d.CategoryDisplayName.For(culture), StringComparer.Create(CultureInfo.GetCultureInfo(culture), false))
            .ThenBy(d => d.DisplayName.For(culture), StringComparer.Create(CultureInfo.GetCultureInfo(culture), false))
            .GroupBy(d => d.CategoryDisplayName.For(culture))
            .ToList();

    public string DisplayNameOf(string type, string culture) =>
        _registry.Find(type)?.DisplayName.For(culture) ?? type[(type.LastIndexOf('.') + 1)..];

    /// <summary>
    /// The output ports to draw: the activity's outcomes (static from its descriptor, or from its inputs for user
    /// tasks, scripts, decisions and forks), plus any port a connection already uses so that nothing is hidden.
    /// </summary>
    public IReadOnlyList<string> OutcomesOf(string activityId)
    {
        var used = Connections.Where(c => c.Source == activityId).Select(c => c.SourcePort);
        IReadOnlyList<string>? known = null;
        if (_nodes.TryGetValue(activityId, out var node))
        {
            known = _registry.Resolve(node.Type) is IOutcomeSource source
                ? source.GetOutcomes(node)
                : node.Type == "Elsa.Fork"
                    ? OutcomePorts.DonePlusListed(node, "branches")
                    : _registry.Find(node.Type)?.Outcomes;
        }
        else if (Activity(activityId) is { } json && DesignerJson.Str(json, "type") is { } type)
        {
            known = _registry.Find(type)?.Outcomes;
        }
        return (known ?? []).Concat(used).Distinct(StringComparer.Ordinal).ToList();
    }

    // ---- edits: each one is one undo step ----------------------------------------------------------

    public string Add(string type, double x, double y)
    {
        var descriptor = _registry.Find(type) ?? throw new KeyNotFoundException(type);
        // The default name reads in the designer's language, from the activity's display name (添加时间线1).
        var id = _document.AddActivity(descriptor, x, y, nameStem: descriptor.DisplayName.For(CultureInfo.CurrentUICulture.Name));
        Edited();
        return id;
    }

    public void Move(string activityId, double x, double y) => Move([(activityId, x, y)]);

    /// <summary>Moves several activities (a drag of a selection) as one undo step; unmoved ones are skipped.</summary>
    public void Move(IReadOnlyCollection<(string ActivityId, double X, double Y)> moves)
    {
        var positions = Activities.ToDictionary(a => a.Id, a => a.Position, StringComparer.Ordinal);
        var changed = moves
            .Where(m => positions.TryGetValue(m.ActivityId, out var p) && (Math.Abs(p.X - m.X) >= 0.5 || Math.Abs(p.Y - m.Y) >= 0.5))
            .ToList();
        if (changed.Count == 0) return;
        using (_document.BeginBatch())
            foreach (var (id, x, y) in changed)
                _document.Move(id, x, y);
        Edited(validate: false);
    }

    public bool Connect(string source, string port, string target)
    {
        if (Connections.Any(c => c.Source == source && c.SourcePort == port && c.Target == target)) return false;
        _document.Connect(source, port, target);
        Edited();
        return true;
    }

    public void Disconnect(string source, string port, string target)
    {
        _document.Disconnect(source, port, target);
        Edited();
    }

    /// <summary>
    /// Deletes activities (with every connection touching them) and selected connections, all as one undo step.
    /// </summary>
    public void Delete(IReadOnlyCollection<string> activityIds, IReadOnlyCollection<ConnectionView> connections)
    {
        if (activityIds.Count == 0 && connections.Count == 0) return;
        using (_document.BeginBatch())
        {
            foreach (var c in connections.Where(c => !activityIds.Contains(c.Source) && !activityIds.Contains(c.Target)))
                _document.Disconnect(c.Source, c.SourcePort, c.Target);
            if (activityIds.Count > 0) _document.Remove(activityIds);
        }
        Edited();
    }

    public void SetInput(string activityId, string input, string typeName, string syntax, string? value)
    {
        _document.SetInput(activityId, input, typeName, syntax, value);
        Edited();
    }

    /// <summary>An input whose value is structured JSON (a form's fields, an outcome list).</summary>
    public void SetInputJson(string activityId, string input, string typeName, string syntax, JsonNode? value)
    {
        _document.SetProperty(activityId, input, new JsonObject
        {
            ["typeName"] = typeName,
            ["expression"] = new JsonObject { ["type"] = syntax, ["value"] = value?.DeepClone() },
        });
        Edited();
    }

    public void Rename(string activityId, string name)
    {
        if (DesignerJson.Str(Activity(activityId), "name") == name) return;
        _document.Rename(activityId, name);
        Edited();
    }

    public void SetCanStart(string activityId, bool canStart)
    {
        var custom = Activity(activityId)?["customProperties"]?.DeepClone() as JsonObject ?? new JsonObject();
        custom["canStartWorkflow"] = canStart;
        _document.SetProperty(activityId, "customProperties", custom);
        Edited();
    }

    public void SetVariables(IEnumerable<(string Id, string Name, string TypeName, string? Value)> variables)
    {
        _document.SetVariables(variables);
        Edited();
    }

    public IReadOnlyList<(string Id, string Name, string TypeName, string? Value)> Variables()
    {
        var doc = JsonNode.Parse(_document.ToJson(false)) as JsonObject;
        return (doc?["variables"] as JsonArray ?? []).OfType<JsonObject>().Select(v => (
            DesignerJson.Str(v, "id") ?? DesignerJson.Str(v, "name") ?? "",
            DesignerJson.Str(v, "name") ?? "",
            DesignerJson.Str(v, "typeName") ?? "String",
            v["value"] is JsonValue value ? value.ToString() : v["value"]?.ToJsonString())).ToList();
    }

    public string Copy(IReadOnlyCollection<string> activityIds) => _document.Copy(activityIds);

    public IReadOnlyList<string> Paste(string fragment, double dx, double dy)
    {
        var ids = _document.Paste(fragment, dx, dy);
        Edited();
        return ids;
    }

    /// <summary>
    /// Arranges every activity with <see cref="LayeredLayout"/>, wrapping long chains into bands no wider than
    /// <paramref name="maxWidth"/> canvas units; one undo step.
    /// </summary>
    public void AutoLayout(double maxWidth = 1000)
    {
        var activities = Activities;
        var nodes = activities.Select(a => new LayoutNode(a.Id, EstimatedHeight(a.Id))).ToList();
        var positions = LayeredLayout.Arrange(nodes, Connections.Select(c => (c.Source, c.Target)).ToList(), StartActivityId, maxWidth);
        Move(positions.Select(p => (p.Key, Math.Round(p.Value.X), Math.Round(p.Value.Y))).ToList());
    }

    /// <summary>The activity the flow starts from: a Start, else one marked as able to start, else the first nobody connects to.</summary>
    public string? StartActivityId
    {
        get
        {
            var activities = Activities;
            var targets = Connections.Select(c => c.Target).ToHashSet(StringComparer.Ordinal);
            return (activities.FirstOrDefault(a => a.Type == "Elsa.Start")
                    ?? activities.FirstOrDefault(a => a.CanStartWorkflow)
                    ?? activities.FirstOrDefault(a => !targets.Contains(a.Id))
                    ?? (activities.Count > 0 ? activities[0] : null))?.Id;
        }
    }

    /// <summary>The height an activity's node will have on the canvas (for layout and fitting before the browser measures it).</summary>
    public double EstimatedHeight(string activityId) =>
        LayeredLayout.EstimateHeight(DesignerJson.Str(Activity(activityId), "name") ?? activityId, OutcomesOf(activityId).Count, ErrorsOf(activityId).Count > 0);

    public bool Undo()
    {
        if (!_document.Undo()) return false;
        Edited();
        return true;
    }

    public bool Redo()
    {
        if (!_document.Redo()) return false;
        Edited();
        return true;
    }

    public void MarkSaved() => IsDirty = false;

    /// <summary>Replaces the document (after a save the stored version is reloaded with its number).</summary>
    public void Reload(string json)
    {
        _document = FlowchartDocument.Parse(json);
        IsDirty = false;
        Refresh();
        Changed?.Invoke();
    }

    public string ToJson() => _document.ToJson();

    // ---- helpers -------------------------------------------------------------------------------------

    private void Edited(bool validate = true)
    {
        IsDirty = true;
        if (validate) Refresh();
        Changed?.Invoke();
    }

    /// <summary>Re-reads the document as the runtime would: the activity nodes for outcome ports and the validator's errors.</summary>
    private void Refresh()
    {
        var parsed = WorkflowJsonReader.Parse(_document.ToJson(false));
        _nodes = parsed.Definition?.Root.Activities.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)
                 ?? new Dictionary<string, ActivityNode>(StringComparer.Ordinal);
        _errors = parsed.Definition is { } definition ? [.. parsed.Errors, .. _validator.Validate(definition)] : parsed.Errors;
        Warnings = DesignerLint.Check(Activities, Connections, OutcomesOf, StartActivityId);
    }
}
