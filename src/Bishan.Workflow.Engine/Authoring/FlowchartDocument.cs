using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Descriptors;

namespace Bishan.Workflow.Engine.Authoring;

/// <summary>
/// A definition being edited in the designer: the Elsa 3 JSON document itself is the model, so every
/// property the designer does not know (and the layout in <c>metadata.designer</c>) survives a round trip.
/// Edits address one flowchart (the root, or a nested one by node id), and every edit can be undone. Several edits
/// made inside <see cref="BeginBatch"/> (a drag of several nodes, a delete of a selection) are one undo step.
/// </summary>
public sealed class FlowchartDocument
{
    private const int UndoLimit = 200;
    private readonly Stack<JsonObject> _undo = new();
    private readonly Stack<JsonObject> _redo = new();
    private JsonObject _document;
    private int _batchDepth;
    private bool _batchCheckpointed;

    private FlowchartDocument(JsonObject document) => _document = document;

    public static FlowchartDocument Parse(string json)
    {
        var node = JsonNode.Parse(json.TrimStart('\uFEFF')) as JsonObject
                   ?? throw new FormatException("A workflow definition is a JSON object.");
        node["root"] ??= new JsonObject { ["id"] = "flowchart1", ["type"] = WorkflowJsonReader.FlowchartType };
        return new FlowchartDocument(node);
    }

    public static FlowchartDocument New(string definitionId, string name) => new(new JsonObject
    {
        ["definitionId"] = definitionId,
        ["name"] = name,
        ["version"] = 1,
        ["variables"] = new JsonArray(),
        ["inputs"] = new JsonArray(),
        ["outputs"] = new JsonArray(),
        ["root"] = new JsonObject
        {
            ["id"] = "flowchart1",
            ["type"] = WorkflowJsonReader.FlowchartType,
            ["activities"] = new JsonArray(),
            ["connections"] = new JsonArray(),
        },
    });

    public string DefinitionId => _document["definitionId"]?.GetValue<string>() ?? "";
    public bool CanUndo => _undo.Count > 0;
    public bool CanRedo => _redo.Count > 0;

    /// <summary>True between <see cref="BeginBatch"/> and the disposal of its scope.</summary>
    public bool InBatch => _batchDepth > 0;

    /// <summary>
    /// Starts a group of edits that undo and redo as one step; dispose the returned scope to end it. Batches nest (the
    /// outermost one is the step), and a batch in which nothing was edited adds no step. Undo and redo are not allowed
    /// inside a batch.
    /// </summary>
    public IDisposable BeginBatch()
    {
        _batchDepth++;
        return new BatchScope(this);
    }

    public string ToJson(bool indented = true) =>
        _document.ToJsonString(new JsonSerializerOptions { WriteIndented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    // ---- reading ---------------------------------------------------------------------------------

    public IReadOnlyList<ActivityView> Activities(string? flowchartNodeId = null) =>
        ActivityArray(flowchartNodeId).OfType<JsonObject>().Select(ActivityView.From).ToList();

    public IReadOnlyList<ConnectionView> Connections(string? flowchartNodeId = null) =>
        ConnectionArray(flowchartNodeId).OfType<JsonObject>().Select(ConnectionView.From).OfType<ConnectionView>().ToList();

    public JsonObject? Activity(string id, string? flowchartNodeId = null) =>
        ActivityArray(flowchartNodeId).OfType<JsonObject>().FirstOrDefault(a => Str(a, "id") == id);

    // ---- edits -----------------------------------------------------------------------------------

    /// <summary>Adds an activity of the descriptor's type at a position, inputs set to their defaults.</summary>
    /// <param name="nameStem">The stem of the default name ("添加时间线" gives 添加时间线1); the type's short name when null.</param>
    public string AddActivity(ActivityDescriptor descriptor, double x, double y, string? flowchartNodeId = null, string? nameStem = null)
    {
        Checkpoint();
        var activities = ActivityArray(flowchartNodeId);
        var shortName = descriptor.Type[(descriptor.Type.LastIndexOf('.') + 1)..];
        var id = UniqueId(activities, char.ToLowerInvariant(shortName[0]) + shortName[1..]);
        var activity = new JsonObject
        {
            ["id"] = id,
            ["type"] = descriptor.Type,
            ["version"] = 1,
            ["name"] = UniqueName(activities, string.IsNullOrWhiteSpace(nameStem) ? shortName : nameStem),
            ["customProperties"] = new JsonObject { ["canStartWorkflow"] = false },
            ["metadata"] = Position(x, y),
        };
        foreach (var input in descriptor.Inputs.Where(i => i.DefaultValue is not null))
            activity[input.Name] = Input(input.TypeName, input.DefaultSyntax == "Literal" ? "Literal" : input.DefaultSyntax, input.DefaultValue);
        if (descriptor.Type == WorkflowJsonReader.FlowchartType)
        {
            activity["activities"] = new JsonArray();
            activity["connections"] = new JsonArray();
        }
        activities.Add(activity);
        return id;
    }

    /// <summary>Removes activities and every connection that touches them.</summary>
    public void Remove(IReadOnlyCollection<string> activityIds, string? flowchartNodeId = null)
    {
        if (activityIds.Count == 0) return;
        Checkpoint();
        RemoveWhere(ActivityArray(flowchartNodeId), a => activityIds.Contains(Str(a, "id") ?? ""));
        RemoveWhere(ConnectionArray(flowchartNodeId), c => ConnectionView.From(c) is { } v && (activityIds.Contains(v.Source) || activityIds.Contains(v.Target)));
    }

    public void Move(string activityId, double x, double y, string? flowchartNodeId = null)
    {
        var activity = Activity(activityId, flowchartNodeId) ?? throw new KeyNotFoundException(activityId);
        Checkpoint();
        var metadata = activity["metadata"] as JsonObject ?? (JsonObject)(activity["metadata"] = new JsonObject());
        var designer = metadata["designer"] as JsonObject ?? (JsonObject)(metadata["designer"] = new JsonObject());
        designer["position"] = new JsonObject { ["x"] = Math.Round(x, 2), ["y"] = Math.Round(y, 2) };
    }

    /// <summary>Connects an outcome port to another activity, in the connection form the document already uses.</summary>
    public void Connect(string source, string port, string target, string? flowchartNodeId = null)
    {
        var connections = ConnectionArray(flowchartNodeId);
        if (Connections(flowchartNodeId).Any(c => c.Source == source && c.SourcePort == port && c.Target == target)) return;
        Checkpoint();
        var flat = connections.FirstOrDefault() is JsonObject first && first["source"] is JsonValue;
        connections.Add(flat
            ? new JsonObject { ["source"] = source, ["sourcePort"] = port, ["target"] = target, ["targetPort"] = "In" }
            : new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
                ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
            });
    }

    public void Disconnect(string source, string port, string target, string? flowchartNodeId = null)
    {
        Checkpoint();
        RemoveWhere(ConnectionArray(flowchartNodeId), c =>
            ConnectionView.From(c) is { } v && v.Source == source && v.SourcePort == port && v.Target == target);
    }

    /// <summary>Sets an input's expression; a null value removes the input.</summary>
    public void SetInput(string activityId, string input, string typeName, string syntax, string? value, string? flowchartNodeId = null)
    {
        var activity = Activity(activityId, flowchartNodeId) ?? throw new KeyNotFoundException(activityId);
        Checkpoint();
        if (value is null) activity.Remove(input);
        else activity[input] = Input(typeName, syntax, value);
    }

    public void SetProperty(string activityId, string property, JsonNode? value, string? flowchartNodeId = null)
    {
        var activity = Activity(activityId, flowchartNodeId) ?? throw new KeyNotFoundException(activityId);
        Checkpoint();
        activity[property] = value?.DeepClone();
    }

    public void Rename(string activityId, string name, string? flowchartNodeId = null) =>
        SetProperty(activityId, "name", JsonValue.Create(name), flowchartNodeId);

    public void SetVariables(IEnumerable<(string Id, string Name, string TypeName, string? Value)> variables)
    {
        Checkpoint();
        _document["variables"] = new JsonArray(variables.Select(v => (JsonNode?)new JsonObject
        {
            ["id"] = v.Id,
            ["name"] = v.Name,
            ["typeName"] = v.TypeName,
            ["isArray"] = false,
            ["value"] = v.Value,
        }).ToArray());
    }

    /// <summary>The selected activities and the connections among them, as a fragment to paste.</summary>
    public string Copy(IReadOnlyCollection<string> activityIds, string? flowchartNodeId = null)
    {
        var activities = ActivityArray(flowchartNodeId).OfType<JsonObject>().Where(a => activityIds.Contains(Str(a, "id") ?? ""));
        var connections = ConnectionArray(flowchartNodeId).OfType<JsonObject>()
            .Where(c => ConnectionView.From(c) is { } v && activityIds.Contains(v.Source) && activityIds.Contains(v.Target));
        return new JsonObject
        {
            ["activities"] = new JsonArray(activities.Select(a => (JsonNode?)a.DeepClone()).ToArray()),
            ["connections"] = new JsonArray(connections.Select(c => (JsonNode?)c.DeepClone()).ToArray()),
        }.ToJsonString();
    }

    /// <summary>Pastes a fragment with fresh ids, shifted by an offset; returns the new ids.</summary>
    public IReadOnlyList<string> Paste(string fragment, double dx, double dy, string? flowchartNodeId = null)
    {
        if (JsonNode.Parse(fragment) is not JsonObject f || f["activities"] is not JsonArray source) return [];
        Checkpoint();
        var activities = ActivityArray(flowchartNodeId);
        var renames = new Dictionary<string, string>();
        foreach (var a in source.OfType<JsonObject>())
        {
            var copy = (JsonObject)a.DeepClone();
            var oldId = Str(copy, "id") ?? "activity";
            var newId = UniqueId(activities, oldId);
            renames[oldId] = newId;
            copy["id"] = newId;
            copy.Remove("nodeId");
            if (Str(copy, "name") is { } name) copy["name"] = UniqueName(activities, name);
            var (x, y) = ActivityView.From(copy).Position;
            copy["metadata"] = MergePosition(copy["metadata"] as JsonObject, x + dx, y + dy);
            activities.Add(copy);
        }
        foreach (var c in (f["connections"] as JsonArray ?? []).OfType<JsonObject>())
            if (ConnectionView.From(c) is { } v && renames.TryGetValue(v.Source, out var s) && renames.TryGetValue(v.Target, out var t))
                ConnectionArray(flowchartNodeId).Add(new JsonObject
                {
                    ["source"] = new JsonObject { ["activity"] = s, ["port"] = v.SourcePort },
                    ["target"] = new JsonObject { ["activity"] = t, ["port"] = "In" },
                });
        return [.. renames.Values];
    }

    /// <summary>Places activities left to right by their longest distance from a start, in rows per column.</summary>
    public void AutoLayout(string? flowchartNodeId = null, double columnWidth = 260, double rowHeight = 140)
    {
        Checkpoint();
        var activities = Activities(flowchartNodeId);
        var connections = Connections(flowchartNodeId);
        var layers = AutoLayoutPlanner.Layers(activities.Select(a => a.Id).ToList(), connections);
        var rows = new Dictionary<int, int>();
        foreach (var activity in activities)
        {
            var layer = layers[activity.Id];
            var row = rows[layer] = rows.GetValueOrDefault(layer, -1) + 1;
            var json = Activity(activity.Id, flowchartNodeId)!;
            json["metadata"] = MergePosition(json["metadata"] as JsonObject, layer * columnWidth, row * rowHeight);
        }
    }

    public bool Undo() => Swap(_undo, _redo);
    public bool Redo() => Swap(_redo, _undo);

    private void EndBatch()
    {
        if (_batchDepth == 0) throw new InvalidOperationException("No batch of edits is open.");
        if (--_batchDepth == 0) _batchCheckpointed = false;
    }

    private sealed class BatchScope(FlowchartDocument document) : IDisposable
    {
        private bool _ended;

        public void Dispose()
        {
            if (_ended) return;
            _ended = true;
            document.EndBatch();
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private bool Swap(Stack<JsonObject> from, Stack<JsonObject> to)
    {
        if (_batchDepth > 0) throw new InvalidOperationException("Undo and redo wait until the batch of edits ends.");
        if (from.Count == 0) return false;
        to.Push(_document);
        _document = from.Pop();
        return true;
    }

    /// <summary>Saves the state before an edit; inside a batch only before its first edit, so the batch is one step.</summary>
    private void Checkpoint()
    {
        if (_batchDepth > 0)
        {
            if (_batchCheckpointed) return;
            _batchCheckpointed = true;
        }
        _undo.Push((JsonObject)_document.DeepClone());
        _redo.Clear();
        if (_undo.Count > UndoLimit)
        {
            var keep = _undo.Take(UndoLimit).Reverse().ToList();
            _undo.Clear();
            foreach (var s in keep) _undo.Push(s);
        }
    }

    private JsonObject Flowchart(string? nodeId)
    {
        var root = (JsonObject)_document["root"]!;
        if (nodeId is null || nodeId == Str(root, "id")) return root;
        var path = nodeId.Split(':');
        JsonObject current = root;
        foreach (var id in path.Skip(path[0] == Str(root, "id") ? 1 : 0))
            current = FindChild(current, id) ?? throw new KeyNotFoundException($"No flowchart at '{nodeId}'.");
        if (Str(current, "type") != WorkflowJsonReader.FlowchartType && current["body"] is JsonObject body) current = body;
        return current;
    }

    private static JsonObject? FindChild(JsonObject parent, string id)
    {
        if (parent["activities"] is JsonArray arr && arr.OfType<JsonObject>().FirstOrDefault(a => Str(a, "id") == id) is { } a) return a;
        if (parent["body"] is JsonObject body && Str(body, "id") == id) return body;
        return parent["body"] is JsonObject b ? FindChild(b, id) : null;
    }

    private JsonArray ActivityArray(string? nodeId)
    {
        var f = Flowchart(nodeId);
        return f["activities"] as JsonArray ?? (JsonArray)(f["activities"] = new JsonArray());
    }

    private JsonArray ConnectionArray(string? nodeId)
    {
        var f = Flowchart(nodeId);
        return f["connections"] as JsonArray ?? (JsonArray)(f["connections"] = new JsonArray());
    }

    private static void RemoveWhere(JsonArray array, Func<JsonObject, bool> predicate)
    {
        for (var i = array.Count - 1; i >= 0; i--)
            if (array[i] is JsonObject o && predicate(o))
                array.RemoveAt(i);
    }

    private static string UniqueId(JsonArray activities, string stem)
    {
        var taken = activities.OfType<JsonObject>().Select(a => Str(a, "id")).ToHashSet();
        if (!taken.Contains(stem)) return stem;
        for (var n = 2; ; n++)
            if (!taken.Contains(stem + n.ToString(CultureInfo.InvariantCulture)))
                return stem + n.ToString(CultureInfo.InvariantCulture);
    }

    private static string UniqueName(JsonArray activities, string stem)
    {
        var taken = activities.OfType<JsonObject>().Select(a => Str(a, "name")).ToHashSet();
        for (var n = 1; ; n++)
            if (!taken.Contains(stem + n.ToString(CultureInfo.InvariantCulture)))
                return stem + n.ToString(CultureInfo.InvariantCulture);
    }

    private static JsonObject Input(string typeName, string syntax, string? value) => new()
    {
        ["typeName"] = typeName,
        ["expression"] = new JsonObject { ["type"] = syntax, ["value"] = value },
    };

    private static JsonObject Position(double x, double y) => MergePosition(null, x, y);

    private static JsonObject MergePosition(JsonObject? metadata, double x, double y)
    {
        metadata ??= new JsonObject();
        var designer = metadata["designer"] as JsonObject ?? (JsonObject)(metadata["designer"] = new JsonObject());
        designer["position"] = new JsonObject { ["x"] = Math.Round(x, 2), ["y"] = Math.Round(y, 2) };
        return metadata;
    }

    internal static string? Str(JsonObject? o, string name) =>
        o is not null && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
