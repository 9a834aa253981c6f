using System.Text.Json.Nodes;

namespace Bishan.Workflow.NodeTests;

/// <summary>Small Elsa-3-shaped definitions of the facts' own, each with a fresh definition id.</summary>
internal static class TestWorkflows
{
    public const string TimerText = "timer fired";
    public const string RecoveredText = "after the long pass";

    /// <summary>Start → Delay → WriteLine: the delay becomes a timer job that any node's Hangfire server may run.</summary>
    public static string Timer(string definitionId, TimeSpan delay) => Sequence(definitionId,
    [
        Activity("start1", "Elsa.Start"),
        Activity("delay1", "Elsa.Delay", ("timeSpan", delay.ToString("c"))),
        Activity("write1", "Elsa.WriteLine", ("text", TimerText)),
    ]);

    /// <summary>
    /// Start → <paramref name="steps"/> scripts that each keep the CPU busy for <paramref name="stepMilliseconds"/> → WriteLine,
    /// all in one pass. The sandbox stops one script after 2 s (<c>JavaScriptOptions.Timeout</c>, not a setting), so the
    /// long pass is several short scripts. The loop scans a 1 M-character string per iteration, so it stays far below the
    /// sandbox's 1,000,000 statements (about 1,700 iterations per 1.5 s, measured on a busy 2-core machine) and its 32 MB.
    /// </summary>
    public static string LongPass(string definitionId, int steps, int stepMilliseconds)
    {
        var script = $"const s = 'a'.repeat(1 << 20); const end = Date.now() + {stepMilliseconds}; let n = 0; " +
                     "while (Date.now() < end) { n += s.indexOf('b') + 2; } return n;";
        var activities = new List<JsonObject> { Activity("start1", "Elsa.Start") };
        for (var i = 1; i <= steps; i++) activities.Add(Activity($"busy{i}", "Elsa.RunJavaScript", ("script", script)));
        activities.Add(Activity("write1", "Elsa.WriteLine", ("text", RecoveredText)));
        return Sequence(definitionId, activities);
    }

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>A root flowchart <c>flow1</c> running the activities in sequence (Done → In).</summary>
    private static string Sequence(string definitionId, List<JsonObject> activities)
    {
        var connections = new JsonArray();
        for (var i = 1; i < activities.Count; i++)
            connections.Add(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = activities[i - 1]["id"]!.GetValue<string>(), ["port"] = "Done" },
                ["target"] = new JsonObject { ["activity"] = activities[i]["id"]!.GetValue<string>(), ["port"] = "In" },
            });
        return new JsonObject
        {
            ["definitionId"] = definitionId,
            ["name"] = definitionId,
            ["version"] = 1,
            ["variables"] = new JsonArray(),
            ["root"] = new JsonObject
            {
                ["id"] = "flow1",
                ["type"] = "Elsa.Flowchart",
                ["activities"] = new JsonArray([.. activities]),
                ["connections"] = connections,
            },
        }.ToJsonString();
    }

    private static JsonObject Activity(string id, string type, params (string Input, string Value)[] literals)
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
}
