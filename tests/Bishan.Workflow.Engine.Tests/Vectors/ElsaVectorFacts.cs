using System.Text.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Descriptors;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Expressions;
using Microsoft.Extensions.Time.Testing;

namespace Bishan.Workflow.Engine.Tests.Vectors;

/// <summary>
/// Runs every Elsa 3 vector of <c>../shared/elsa-samples/manifest.json</c> the way Elsa's test harness does:
/// start, then keep resuming every bookmark with the same input until finished or nothing is left.
/// </summary>
public sealed class ElsaVectorFacts
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Manifest()) data.Add(entry["file"]!.GetValue<string>());
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Vector_BehavesAsElsa(string file)
    {
        var entry = Manifest().Single(e => e["file"]!.GetValue<string>() == file);
        var expect = entry["expect"]!.AsObject();
        var parsed = WorkflowJsonReader.Parse(SharedSamples.Read(file));
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors));
        if (expect["status"] is null) return; // the Elsa test only imports or publishes this file

        var definition = parsed.Definition!;
        if (entry["run"]!["flowchartExecutionMode"]!.GetValue<string>().StartsWith("TokenBased", StringComparison.Ordinal))
            definition = definition with { ExecutionMode = FlowchartExecutionMode.TokenBased };
        var input = entry["run"]!["input"] as JsonObject;

        var (state, journal) = await RunUntilEndAsync(definition, input);

        var expectedLines = (expect["writeLines"] ?? expect["writeLinesDerived"]) as JsonArray;
        if (expectedLines is not null)
            Assert.True(expectedLines.Select(x => x!.GetValue<string>()).SequenceEqual(ConsoleLines(journal)),
                "console: " + string.Join(" | ", ConsoleLines(journal)) + "\njournal: " +
                string.Join("\n", journal.Select(j => $"{j.ActivityId} {j.EventName} {j.Message} {j.Error}")));
        Assert.Equal(expect["status"]!.GetValue<string>(), state.Status.ToString());
        Assert.Equal(expect["subStatus"]!.GetValue<string>(), state.SubStatus.ToString());

        if (expect["variables"] is JsonObject variables)
        {
            var index = DefinitionIndex.For(definition);
            foreach (var (name, value) in variables)
            {
                var id = index.VariablesByName[name].Id;
                Assert.True(JsonNode.DeepEquals(value, state.Variables[id]), $"variable {name}: {state.Variables[id]?.ToJsonString()}");
            }
        }
        if (expect["outputs"] is JsonObject outputs)
            foreach (var (name, value) in outputs)
                Assert.True(JsonNode.DeepEquals(value, state.Output.GetValueOrDefault(name)),
                    $"output {name}: {state.Output.GetValueOrDefault(name)?.ToJsonString()}");

        // The state must survive a JSON round trip (Elsa's JsonObjectSerialization scenario).
        var json = JsonSerializer.Serialize(state);
        Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize<WorkflowState>(json)));
    }

    internal static async Task<(WorkflowState State, List<JournalEntry> Journal)> RunUntilEndAsync(WorkflowDefinition definition, JsonObject? input)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero));
        var executor = new WorkflowExecutor(ActivityRegistry.CreateDefault(), new ExpressionEvaluator(), time);
        var inputs = input?.ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone());
        var result = await executor.StartAsync(definition, new StartWorkflowRequest { Input = inputs });
        var journal = result.Journal.ToList();
        var state = result.State;
        for (var guard = 0; state.Status == WorkflowStatus.Running && state.Bookmarks.Count > 0 && guard < 100; guard++)
        {
            var bookmark = state.Bookmarks[0];
            if (bookmark.ResumeAtUtc is { } at && at > time.GetUtcNow().UtcDateTime)
                time.SetUtcNow(at);
            result = await executor.ResumeAsync(definition, state, bookmark.Id, input?.DeepClone());
            journal.AddRange(result.Journal);
            state = result.State;
        }
        return (state, journal);
    }

    internal static IEnumerable<string> ConsoleLines(IEnumerable<JournalEntry> journal) =>
        journal.Where(j => j.Message is not null).Select(j => j.Message!);

    private static IEnumerable<JsonObject> Manifest() =>
        JsonNode.Parse(SharedSamples.Read("manifest.json"))!.AsArray().OfType<JsonObject>();
}
