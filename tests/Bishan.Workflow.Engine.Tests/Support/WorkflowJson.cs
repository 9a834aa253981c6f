using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Definitions;

namespace Bishan.Workflow.Engine.Tests.Support;

/// <summary>Whole definition documents around a root activity, parsed the way an import parses them.</summary>
internal static class WorkflowJson
{
    public const string RootId = "flow";

    /// <summary>A definition whose root is a flowchart with id <see cref="RootId"/>.</summary>
    public static string Flowchart(IEnumerable<JsonObject> activities, IEnumerable<JsonObject>? connections = null,
        IEnumerable<Var>? variables = null, bool tokenBased = false) =>
        Document(A.Flowchart(RootId, activities, connections), variables, tokenBased);

    public static string Document(JsonObject root, IEnumerable<Var>? variables = null, bool tokenBased = false)
    {
        var doc = new JsonObject
        {
            ["id"] = "test-v1",
            ["definitionId"] = "test",
            ["name"] = "Test",
            ["version"] = 1,
            ["variables"] = new JsonArray([.. (variables ?? []).Select(v => (JsonNode)v.ToJson())]),
            ["root"] = root,
        };
        if (tokenBased) doc["customProperties"] = new JsonObject { ["flowchartExecutionMode"] = "TokenBased" };
        return doc.ToJsonString();
    }

    public static WorkflowDefinition Parse(string json)
    {
        var result = WorkflowJsonReader.Parse(json);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Definition!;
    }
}
