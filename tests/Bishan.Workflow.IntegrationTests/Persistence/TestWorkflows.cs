using System.Text.Json.Nodes;

namespace Bishan.Workflow.IntegrationTests.Persistence;

/// <summary>Small Elsa 3 flowcharts written the way the designer exports them (nested connections, Literal inputs).</summary>
internal static class TestWorkflows
{
    public static JsonObject Activity(string id, string type, params (string Name, string Value)[] literals)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1, ["name"] = id };
        foreach (var (name, value) in literals)
            activity[name] = Input("String", "Literal", value);
        return activity;
    }

    public static JsonObject WriteLine(string id, string text) => Activity(id, "Elsa.WriteLine", ("text", text));

    public static JsonObject Event(string id, string eventName, bool canStartWorkflow = false)
    {
        var activity = Activity(id, "Elsa.Event", ("eventName", eventName));
        if (canStartWorkflow) activity["customProperties"] = new JsonObject { ["canStartWorkflow"] = true };
        return activity;
    }

    public static JsonObject Decision(string id, string javaScript)
    {
        var activity = Activity(id, "Elsa.FlowDecision");
        activity["condition"] = Input("Boolean", "JavaScript", javaScript);
        return activity;
    }

    /// <summary>A definition whose root flowchart holds <paramref name="activities"/>; connections are (source, target, port).</summary>
    public static string Flowchart(string definitionId, IEnumerable<JsonObject> activities, params (string Source, string Target, string Port)[] connections)
    {
        var document = new JsonObject
        {
            ["id"] = definitionId + "-v",
            ["definitionId"] = definitionId,
            ["name"] = definitionId,
            ["version"] = 7,
            ["isPublished"] = false,
            ["isLatest"] = false,
            ["root"] = new JsonObject
            {
                ["id"] = "Flowchart1",
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["activities"] = new JsonArray([.. activities]),
                ["connections"] = new JsonArray([.. connections.Select(c => (JsonNode)new JsonObject
                {
                    ["source"] = new JsonObject { ["activity"] = c.Source, ["port"] = c.Port },
                    ["target"] = new JsonObject { ["activity"] = c.Target, ["port"] = "In" },
                })]),
            },
        };
        return document.ToJsonString();
    }

    /// <summary>WriteLine <paramref name="before"/>, wait for event <paramref name="eventName"/>, WriteLine <paramref name="after"/>.</summary>
    public static string WaitForEvent(string definitionId, string eventName, string before = "Before", string after = "After") =>
        Flowchart(definitionId,
            [WriteLine("Before", before), Event("Wait", eventName), WriteLine("After", after)],
            ("Before", "Wait", "Done"), ("Wait", "After", "Done"));

    private static JsonObject Input(string typeName, string syntax, string value) => new()
    {
        ["typeName"] = typeName,
        ["expression"] = new JsonObject { ["type"] = syntax, ["value"] = value },
    };
}
