using System.Text.Json.Nodes;

namespace Bishan.Workflow.IntegrationTests.Infrastructure;

/// <summary>Small Elsa-3-shaped definitions written by the tests themselves, each with a fresh definition id.</summary>
internal static class TestWorkflows
{
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>A root flowchart <c>flow1</c> running the activities in sequence (Done → In).</summary>
    public static string Sequence(string definitionId, IReadOnlyList<JsonObject> activities, JsonArray? variables = null)
    {
        var connections = new JsonArray();
        for (var i = 1; i < activities.Count; i++)
            connections.Add(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = activities[i - 1]["id"]!.GetValue<string>(), ["port"] = "Done" },
                ["target"] = new JsonObject { ["activity"] = activities[i]["id"]!.GetValue<string>(), ["port"] = "In" },
            });
        var document = new JsonObject
        {
            ["definitionId"] = definitionId,
            ["name"] = definitionId,
            ["version"] = 1,
            ["variables"] = variables ?? [],
            ["root"] = new JsonObject
            {
                ["id"] = "flow1",
                ["type"] = "Elsa.Flowchart",
                ["activities"] = new JsonArray([.. activities]),
                ["connections"] = connections,
            },
        };
        return document.ToJsonString();
    }

    public static JsonObject Activity(string id, string type, params (string Input, string Value)[] literals)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type };
        foreach (var (input, value) in literals)
            activity[input] = new JsonObject
            {
                ["typeName"] = "String",
                ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value },
            };
        return activity;
    }

    public static JsonObject Trigger(JsonObject activity)
    {
        activity["customProperties"] = new JsonObject { ["canStartWorkflow"] = true };
        return activity;
    }

    public static JsonObject Start() => Activity("start1", "Elsa.Start");
    public static JsonObject WriteLine(string id, string text) => Activity(id, "Elsa.WriteLine", ("text", text));
    public static JsonObject Event(string id, string eventName) => Activity(id, "Elsa.Event", ("eventName", eventName));
    public static JsonObject End() => Activity("end1", "Elsa.End");
}
