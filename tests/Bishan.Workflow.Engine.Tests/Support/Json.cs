using System.Text.Json.Nodes;

namespace Bishan.Workflow.Engine.Tests.Support;

/// <summary>Input expressions in the Elsa 3 JSON shape: <c>{ typeName, expression: { type, value } }</c>.</summary>
internal static class E
{
    public static JsonObject Literal(JsonNode? value, string typeName = "String") => Input(typeName, "Literal", value);
    public static JsonObject Js(string code, string typeName = "Object") => Input(typeName, "JavaScript", code);
    public static JsonObject Liquid(string template) => Input("String", "Liquid", template);
    public static JsonObject Variable(string name, string typeName = "Object") => Input(typeName, "Variable", name);

    /// <summary>An output bound to a variable id or a workflow output name.</summary>
    public static JsonObject Output(string target) => new() { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = target } };

    private static JsonObject Input(string typeName, string kind, JsonNode? value) => new()
    {
        ["typeName"] = typeName,
        ["expression"] = new JsonObject { ["type"] = kind, ["value"] = value },
    };
}

/// <summary>Activity objects for the tests. Ids are short so that node ids read well: <c>flow:a</c>.</summary>
internal static class A
{
    public static JsonObject Of(string type, string id, params (string Key, JsonNode? Value)[] properties)
    {
        var o = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1 };
        foreach (var (key, value) in properties) o[key] = value;
        return o;
    }

    public static JsonObject Start(string id = "start") => Of("Elsa.Start", id);
    public static JsonObject End(string id = "end") => Of("Elsa.End", id);
    public static JsonObject Finish(string id = "finish") => Of("Elsa.Finish", id);

    public static JsonObject Complete(string id, params string[] outcomes) =>
        Of("Elsa.Complete", id, ("outcomes", E.Literal(new JsonArray([.. outcomes.Select(o => (JsonNode)o)]), "String[]")));

    public static JsonObject WriteLine(string id, string? text) =>
        Of("Elsa.WriteLine", id, ("text", text is null ? null : E.Literal(text)));

    public static JsonObject WriteLine(string id, JsonObject text) => Of("Elsa.WriteLine", id, ("text", text));

    public static JsonObject SetVariable(string id, string variableId, JsonObject value) =>
        Of("Elsa.SetVariable", id, ("variable", new JsonObject { ["id"] = variableId, ["name"] = variableId }), ("value", value));

    public static JsonObject SetOutput(string id, string name, JsonObject value) =>
        Of("Elsa.SetOutput", id, ("outputName", E.Literal(name)), ("outputValue", value));

    public static JsonObject Decision(string id, string condition) => Of("Elsa.FlowDecision", id, ("condition", E.Js(condition, "Boolean")));
    public static JsonObject Join(string id, string mode) =>
        Of("Elsa.FlowJoin", id, ("mode", E.Literal(mode, "Elsa.Workflows.Activities.Flowchart.Models.FlowJoinMode, Elsa.Workflows.Core")));

    public static JsonObject Delay(string id, string timeSpan) => Of("Elsa.Delay", id, ("timeSpan", E.Literal(timeSpan, "TimeSpan")));
    public static JsonObject Timer(string id, string interval) => Of("Elsa.Timer", id, ("interval", E.Literal(interval, "TimeSpan")));
    public static JsonObject StartAt(string id, string dateTime) => Of("Elsa.StartAt", id, ("dateTime", E.Literal(dateTime)));
    public static JsonObject Cron(string id, string expression) => Of("Elsa.Cron", id, ("cronExpression", E.Literal(expression)));

    public static JsonObject Event(string id, string eventName, string? resultTarget = null) =>
        Of("Elsa.Event", id, ("eventName", E.Literal(eventName)), ("result", resultTarget is null ? null : E.Output(resultTarget)));

    public static JsonObject Fault(string id, string code, string message) =>
        Of("Elsa.Fault", id, ("code", E.Literal(code)), ("message", E.Literal(message)));

    public static JsonObject RunJs(string id, string script, string[]? possibleOutcomes = null, string? resultTarget = null) =>
        Of("Elsa.RunJavaScript", id,
            ("script", E.Literal(script)),
            ("possibleOutcomes", possibleOutcomes is null ? null : E.Literal(new JsonArray([.. possibleOutcomes.Select(o => (JsonNode)o)]), "String[]")),
            ("result", resultTarget is null ? null : E.Output(resultTarget)));

    public static JsonObject FlowNode(string id, JsonObject body) => Of("Elsa.FlowNode", id, ("body", body));

    public static JsonObject Fork(string id, params string[] branches) =>
        Of("Elsa.Fork", id, ("branches", E.Literal(new JsonArray([.. branches.Select(o => (JsonNode)o)]), "String[]")));

    public static JsonObject Flowchart(string id, IEnumerable<JsonObject> activities, IEnumerable<JsonObject>? connections = null) =>
        Of("Elsa.Flowchart", id,
            ("activities", new JsonArray([.. activities])),
            ("connections", new JsonArray([.. connections ?? []])));

    /// <summary>A nested connection, the shape current Elsa exports.</summary>
    public static JsonObject Connect(string source, string target, string port = "Done") => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };

    /// <summary>Connections along a path, each from the Done port.</summary>
    public static IEnumerable<JsonObject> Chain(params string[] ids) => ids.Zip(ids.Skip(1), (s, t) => Connect(s, t));

    public static JsonObject CanStart(this JsonObject activity) => activity.WithCustom("canStartWorkflow", true);
    public static JsonObject MergeMode(this JsonObject activity, string mode) => activity.WithCustom("mergeMode", mode);

    private static JsonObject WithCustom(this JsonObject activity, string key, JsonNode value)
    {
        if (activity["customProperties"] is not JsonObject custom) activity["customProperties"] = custom = [];
        custom[key] = value;
        return activity;
    }
}

/// <summary>A variable declared on the workflow: <c>{ id, name, typeName, value }</c>; the id is the name here.</summary>
internal sealed record Var(string Name, string TypeName = "Object", string? Value = null)
{
    public JsonObject ToJson()
    {
        var o = new JsonObject { ["id"] = Name, ["name"] = Name, ["typeName"] = TypeName, ["isArray"] = false };
        if (Value is not null) o["value"] = Value;
        return o;
    }
}
