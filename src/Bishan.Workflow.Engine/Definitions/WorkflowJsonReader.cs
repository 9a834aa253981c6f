using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Validation;

namespace Bishan.Workflow.Engine.Definitions;

/// <summary>Reads Elsa 3 workflow definition JSON (both connection shapes, nested flowcharts, a BOM tolerated).</summary>
public static class WorkflowJsonReader
{
    public const string FlowchartType = "Elsa.Flowchart";

    private static readonly HashSet<string> ReservedKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "nodeId", "name", "type", "version", "customProperties", "metadata", "activities", "connections",
        "variables", "start", "applicationProperties", "canStartWorkflow", "runAsynchronously", "source", "line",
    };

    private static readonly string[] DocumentArrays = ["variables", "inputs", "outputs", "outcomes"];

    public sealed record Result(WorkflowDefinition? Definition, JsonObject? Document, IReadOnlyList<ValidationError> Errors)
    {
        public bool Succeeded => Definition is not null && Errors.Count == 0;
    }

    public static Result Parse(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json.TrimStart('\uFEFF'), documentOptions: new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
                MaxDepth = 256,
            });
        }
        catch (JsonException ex)
        {
            return Fail($"Malformed JSON: {ex.Message}");
        }

        return node is JsonObject o ? Parse(o) : Fail("Malformed JSON: the document must be a JSON object.");
    }

    public static Result Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith(Encoding.UTF8.Preamble)) utf8 = utf8[3..];
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            return Fail("Malformed JSON: the body is not valid UTF-8.");
        }
        return Parse(text);
    }

    public static Result Parse(JsonObject doc)
    {
        var errors = new List<ValidationError>();
        var definitionId = Str(doc, "definitionId") ?? Str(doc, "id");
        if (string.IsNullOrWhiteSpace(definitionId))
            errors.Add(new(null, "The definition has no 'definitionId'."));
        DefinitionShapeRules.CheckArrays(null, doc, DocumentArrays, errors);
        if (doc["root"] is not JsonObject rootJson)
        {
            errors.Add(new(null, "The definition has no 'root' activity."));
            return new Result(null, doc, errors);
        }

        var root = ReadActivity(rootJson, parentPath: null, errors);
        if (root is null) return new Result(null, doc, errors);

        var mode = (Str(doc["customProperties"] as JsonObject, "flowchartExecutionMode")
                    ?? Str(doc["options"] as JsonObject, "flowchartExecutionMode")) switch
        {
            { } s when s.StartsWith("Token", StringComparison.OrdinalIgnoreCase) => FlowchartExecutionMode.TokenBased,
            _ => FlowchartExecutionMode.CounterBased,
        };

        var definition = new WorkflowDefinition
        {
            DefinitionId = definitionId ?? "",
            Id = Str(doc, "id"),
            Name = Str(doc, "name") ?? definitionId ?? "",
            Description = Str(doc, "description"),
            Version = doc["version"] is JsonValue v && v.TryGetValue<int>(out var ver) ? ver : 1,
            Variables = ReadVariables(doc["variables"] as JsonArray),
            Inputs = ReadIo(doc["inputs"] as JsonArray),
            Outputs = ReadIo(doc["outputs"] as JsonArray),
            Outcomes = (doc["outcomes"] as JsonArray)?.Select(x => x?.ToString()).OfType<string>().ToList() ?? [],
            Root = root,
            ExecutionMode = mode,
            CustomProperties = doc["customProperties"] as JsonObject is { } cp ? (JsonObject)cp.DeepClone() : [],
        };
        return new Result(definition, doc, errors);
    }

    private static Result Fail(string message) => new(null, null, [new ValidationError(null, message)]);

    private static ActivityNode? ReadActivity(JsonObject json, string? parentPath, List<ValidationError> errors)
    {
        var id = Str(json, "id");
        var type = Str(json, "type");
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add(new(null, $"An activity of type '{type ?? "?"}' has no 'id'."));
            return null;
        }
        if (string.IsNullOrWhiteSpace(type))
        {
            errors.Add(new(id, "The activity has no 'type'."));
            return null;
        }

        var nodeId = parentPath is null ? id : $"{parentPath}:{id}";
        var activities = new List<ActivityNode>();
        var connections = new List<Connection>();
        var slots = new Dictionary<string, IReadOnlyList<ActivityNode>>();

        if (json["activities"] is JsonArray children)
            foreach (var child in children.OfType<JsonObject>())
                if (ReadActivity(child, nodeId, errors) is { } c)
                    activities.Add(c);
        if (json["connections"] is JsonArray conns)
            connections.AddRange(ReadConnections(conns, id, errors));

        foreach (var (key, value) in json)
        {
            if (ReservedKeys.Contains(key)) continue;
            if (IsActivityObject(value))
            {
                if (ReadActivity((JsonObject)value!, nodeId, errors) is { } a) slots[key] = [a];
            }
            else if (value is JsonArray arr && arr.Count > 0 && arr.All(IsActivityObject))
            {
                slots[key] = arr.Select(x => ReadActivity((JsonObject)x!, nodeId, errors)).OfType<ActivityNode>().ToList();
            }
        }

        var node = new ActivityNode
        {
            Id = id,
            Type = type,
            Name = Str(json, "name"),
            Version = json["version"] is JsonValue v && v.TryGetValue<int>(out var ver) ? ver : 1,
            NodeId = nodeId,
            Raw = json,
            CustomProperties = json["customProperties"] as JsonObject ?? [],
            Activities = activities,
            Connections = connections,
            Variables = ReadVariables(json["variables"] as JsonArray),
            Slots = slots,
        };
        foreach (var child in node.Children) child.Parent = node;
        return node;
    }

    private static bool IsActivityObject(JsonNode? n) =>
        n is JsonObject o && Str(o, "type") is not null && Str(o, "id") is not null && !o.ContainsKey("typeName");

    private static IEnumerable<Connection> ReadConnections(JsonArray conns, string flowchartId, List<ValidationError> errors)
    {
        // Elsa picks the parser from the first element only; so do we.
        var nested = conns.FirstOrDefault() is JsonObject first && first["source"] is JsonObject;
        var index = 0;
        foreach (var c in conns)
        {
            if (c is not JsonObject o)
            {
                errors.Add(new(flowchartId, "A connection is not a JSON object."));
                continue;
            }
            string? source, sourcePort, target, targetPort;
            if (nested)
            {
                source = Str(o["source"] as JsonObject, "activity");
                sourcePort = Str(o["source"] as JsonObject, "port");
                target = Str(o["target"] as JsonObject, "activity");
                targetPort = Str(o["target"] as JsonObject, "port");
            }
            else
            {
                source = Str(o, "source");
                sourcePort = Str(o, "sourcePort");
                target = Str(o, "target");
                targetPort = Str(o, "targetPort");
            }
            if (source is null || target is null)
            {
                errors.Add(new(flowchartId, $"Connection #{index + 1} has no source or target activity."));
                continue;
            }
            yield return new Connection(index++, source, sourcePort ?? "Done", target, targetPort ?? "In");
        }
    }

    private static List<VariableDefinition> ReadVariables(JsonArray? arr) =>
        arr?.OfType<JsonObject>()
            .Select(v => new VariableDefinition(
                Str(v, "id") ?? Str(v, "name") ?? "",
                Str(v, "name") ?? Str(v, "id") ?? "",
                Str(v, "typeName") ?? "Object",
                v["value"]?.DeepClone()))
            .Where(v => v.Id.Length > 0)
            .ToList() ?? [];

    private static List<IoDefinition> ReadIo(JsonArray? arr) =>
        arr?.OfType<JsonObject>()
            .Select(v => new IoDefinition(Str(v, "name") ?? "", Str(v, "type") ?? Str(v, "typeName") ?? "Object",
                Str(v, "displayName"), Str(v, "description")))
            .Where(v => v.Name.Length > 0)
            .ToList() ?? [];

    internal static string? Str(JsonObject? o, string name) =>
        o is not null && o.TryGetPropertyValue(name, out var n) && n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
