using System.Text.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Infrastructure.Runtime;

namespace Bishan.Workflow.IntegrationTests.Persistence;

/// <summary>The generated state serializer writes and reads exactly what the reflection-based one with the same options does.</summary>
public sealed class StateJsonFacts
{
    private static readonly DateTime At = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Serialize_MatchesTheReflectionSerializer_AndRoundTrips()
    {
        var state = RichState();

        var generated = WorkflowStateSerializer.Serialize(state);
        var reflected = JsonSerializer.Serialize(state, WorkflowStateSerializer.Options);

        Assert.Equal(reflected, generated);
        Assert.Equal(generated, WorkflowStateSerializer.Serialize(WorkflowStateSerializer.Deserialize(generated)));
        Assert.Equal(reflected, JsonSerializer.Serialize(WorkflowStateSerializer.Deserialize(reflected), WorkflowStateSerializer.Options));
        Assert.Contains("\"subStatus\":\"Suspended\"", generated);
        Assert.Contains("\"$id\":\"kept\"", generated);
        Assert.Contains("\"v2\":null", generated);
        Assert.DoesNotContain("\"parentId\":null", generated);
    }

    [Fact]
    public void Serialize_WritesOutputsLikeTheReflectionSerializer()
    {
        var output = new Dictionary<string, JsonNode?> { ["a"] = 1, ["b"] = new JsonObject { ["$ref"] = "x" }, ["c"] = null };

        Assert.Equal(JsonSerializer.Serialize(output, WorkflowStateSerializer.Options), WorkflowStateSerializer.Serialize(output));
    }

    private static WorkflowState RichState() => new()
    {
        InstanceId = "i1",
        DefinitionId = "d",
        DefinitionVersion = 3,
        CorrelationId = "c",
        SubStatus = WorkflowSubStatus.Suspended,
        Variables = { ["v1"] = new JsonObject { ["$id"] = "kept", ["n"] = 2 }, ["v2"] = null, ["v3"] = "text" },
        Input = { ["x"] = new JsonArray(1, "two") },
        Outcomes = ["Done"],
        Contexts =
        {
            new ActivityContextState
            {
                Id = "ctx1", NodeId = "Flowchart1", Status = ActivityStatus.Running,
                Flow = new FlowScope
                {
                    ActivityVisits = { ["A"] = 1 }, ConnectionVisits = { [0] = 2 }, ConnectionFollows = { [1] = 1 },
                    Tokens = { new FlowToken { Connection = 1, From = "A", To = "B", Outcome = "Done", Consumed = true } },
                },
            },
            new ActivityContextState { Id = "ctx2", NodeId = "Flowchart1:B", ParentId = "ctx1", Backward = true, Properties = new JsonObject { ["k"] = "v" } },
        },
        Queue = { new WorkItem("Flowchart1:C", "ctx1", Backward: true) },
        Bookmarks =
        {
            new Bookmark
            {
                Id = "b1", ContextId = "ctx2", NodeId = "Flowchart1:B", ActivityId = "B", ActivityType = "Elsa.Delay", Name = "Timer",
                ResumeAtUtc = At.AddHours(1), Payload = new JsonObject { ["p"] = true }, CreatedAtUtc = At,
            },
        },
        Incidents = { new Incident("inc1", "B", "Flowchart1:B", "Elsa.Delay", "boom", "Code", At) },
        FaultedWorkItem = new WorkItem("Flowchart1:B", "ctx1", "ctx2"),
        JournalSequence = 12,
        ContextSequence = 4,
    };
}
