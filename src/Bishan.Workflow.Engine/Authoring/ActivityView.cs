using System.Text.Json.Nodes;

namespace Bishan.Workflow.Engine.Authoring;

/// <summary>What the canvas draws for one activity.</summary>
public sealed record ActivityView(string Id, string Type, string? Name, (double X, double Y) Position, bool CanStartWorkflow)
{
    public static ActivityView From(JsonObject a)
    {
        var position = a["metadata"]?["designer"]?["position"];
        double Coordinate(string axis) => position?[axis] is JsonValue v && v.TryGetValue<double>(out var d) ? d : 0;
        var canStart = a["customProperties"]?["canStartWorkflow"] is JsonValue c && c.TryGetValue<bool>(out var b) && b;
        return new ActivityView(FlowchartDocument.Str(a, "id") ?? "", FlowchartDocument.Str(a, "type") ?? "",
            FlowchartDocument.Str(a, "name"), (Coordinate("x"), Coordinate("y")), canStart);
    }
}

/// <summary>One connection, whichever of Elsa's two JSON forms it is written in.</summary>
public sealed record ConnectionView(string Source, string SourcePort, string Target, string TargetPort)
{
    public static ConnectionView? From(JsonObject c)
    {
        string? Get(JsonNode? n, string name) => n is JsonObject o ? FlowchartDocument.Str(o, name) : null;
        var (source, sourcePort, target, targetPort) = c["source"] is JsonObject
            ? (Get(c["source"], "activity"), Get(c["source"], "port"), Get(c["target"], "activity"), Get(c["target"], "port"))
            : (FlowchartDocument.Str(c, "source"), FlowchartDocument.Str(c, "sourcePort"), FlowchartDocument.Str(c, "target"), FlowchartDocument.Str(c, "targetPort"));
        return source is null || target is null ? null : new ConnectionView(source, sourcePort ?? "Done", target, targetPort ?? "In");
    }
}
