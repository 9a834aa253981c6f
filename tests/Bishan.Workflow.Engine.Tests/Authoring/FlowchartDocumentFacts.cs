using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Authoring;
using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Descriptors;
using Bishan.Workflow.Engine.Tests.Vectors;
using Bishan.Workflow.Engine.Validation;

namespace Bishan.Workflow.Engine.Tests.Authoring;

public sealed class FlowchartDocumentFacts
{
    private static readonly ActivityRegistry Registry = ActivityRegistry.CreateDefault();

    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(SharedSamples.Directory, "*.json", SearchOption.AllDirectories)
                     .Where(f => !f.EndsWith("manifest.json", StringComparison.Ordinal)))
            data.Add(Path.GetRelativePath(SharedSamples.Directory, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void ToJson_KeepsEveryPropertyOfTheDocument_WhenNothingWasEdited(string file)
    {
        var original = JsonNode.Parse(SharedSamples.Read(file).TrimStart('\uFEFF'));

        var roundTripped = JsonNode.Parse(FlowchartDocument.Parse(SharedSamples.Read(file)).ToJson());

        Assert.True(JsonNode.DeepEquals(original, roundTripped));
    }

    [Fact]
    public void Move_ChangesOnlyThatPosition_AndTheLayoutRoundTripsThroughTheJson()
    {
        var doc = FlowchartDocument.Parse(SharedSamples.Read("ExplicitJoins/join-all-1.json"));
        var before = JsonNode.Parse(doc.ToJson())!;
        var id = doc.Activities()[0].Id;

        doc.Move(id, 123.456, -7);

        var reread = FlowchartDocument.Parse(doc.ToJson());
        Assert.Equal((123.46, -7d), reread.Activities().Single(a => a.Id == id).Position);
        var after = JsonNode.Parse(doc.ToJson())!;
        after["root"]!["activities"]![0]!["metadata"] = before["root"]!["activities"]![0]!["metadata"]!.DeepClone();
        Assert.True(JsonNode.DeepEquals(before, after));
    }

    [Fact]
    public void Edits_BuildAValidWorkflow_FromDescriptorsAlone()
    {
        var doc = FlowchartDocument.New("designer-test", "设计器测试");
        var start = doc.AddActivity(Registry.Find("Elsa.Start")!, 0, 0);
        var write = doc.AddActivity(Registry.Find("Elsa.WriteLine")!, 240, 0);
        var delay = doc.AddActivity(Registry.Find("Elsa.Delay")!, 480, 0);
        doc.SetInput(write, "text", "String", "Liquid", "你好 {{ WorkflowInstanceId }}");
        doc.Connect(start, "Done", write);
        doc.Connect(write, "Done", delay);
        doc.Connect(write, "Done", delay); // connecting twice is idempotent

        var parsed = WorkflowJsonReader.Parse(doc.ToJson());

        Assert.True(parsed.Succeeded);
        Assert.Empty(new WorkflowValidator(Registry).Validate(parsed.Definition!));
        Assert.Equal(2, parsed.Definition!.Root.Connections.Count);
        Assert.Equal("00:01:00", parsed.Definition.Root.Activities.Single(a => a.Id == delay).GetInput("timeSpan")!.Text);
    }

    [Fact]
    public void Remove_AlsoRemovesTheConnectionsOfTheActivity_AndUndoRedoRestore()
    {
        var doc = FlowchartDocument.Parse(SharedSamples.Read("ImportAndExecute/implicit-loop.json"));
        var connections = doc.Connections().Count;

        doc.Remove(["FlowDecision1"]);

        Assert.DoesNotContain(doc.Activities(), a => a.Id == "FlowDecision1");
        Assert.Equal(connections - 3, doc.Connections().Count);
        Assert.True(doc.Undo());
        Assert.Contains(doc.Activities(), a => a.Id == "FlowDecision1");
        Assert.Equal(connections, doc.Connections().Count);
        Assert.True(doc.Redo());
        Assert.DoesNotContain(doc.Activities(), a => a.Id == "FlowDecision1");
        Assert.False(doc.Redo());
    }

    [Fact]
    public void Batch_MovesOfSeveralActivities_UndoAndRedoAsOneStep()
    {
        var doc = FlowchartDocument.Parse(SharedSamples.Read("ImportAndExecute/implicit-loop.json"));
        var start = Positions(doc);
        var ids = doc.Activities().Take(3).Select(a => a.Id).ToList();

        using (doc.BeginBatch())
        {
            Assert.True(doc.InBatch);
            foreach (var id in ids) doc.Move(id, start[id].X + 50, start[id].Y + 30);
        }
        var moved = Positions(doc);

        Assert.False(doc.InBatch);
        Assert.All(ids, id => Assert.Equal((start[id].X + 50, start[id].Y + 30), moved[id]));
        Assert.True(doc.Undo());
        Assert.Equal(start, Positions(doc));
        Assert.False(doc.CanUndo);
        Assert.True(doc.Redo());
        Assert.Equal(moved, Positions(doc));
        Assert.False(doc.CanRedo);
    }

    [Fact]
    public void Batch_Nested_IsOneStep_AndAnEmptyBatchAddsNoStep()
    {
        var doc = FlowchartDocument.Parse(SharedSamples.Read("ImportAndExecute/implicit-loop.json"));
        var before = doc.ToJson();

        using (doc.BeginBatch()) { }
        Assert.False(doc.CanUndo);

        using (doc.BeginBatch())
        {
            doc.Disconnect("Start1", "Done", "WriteLine1");
            using (doc.BeginBatch()) doc.Remove(["FlowDecision1"]);
            Assert.True(doc.InBatch);
            doc.Rename("WriteLine1", "第一行");
        }

        Assert.True(doc.Undo());
        Assert.Equal(before, doc.ToJson());
        Assert.False(doc.CanUndo);
    }

    [Fact]
    public void Batch_UndoInsideIt_IsRefused_AndDisposingTwiceEndsItOnce()
    {
        var doc = FlowchartDocument.Parse(SharedSamples.Read("ImportAndExecute/implicit-loop.json"));
        doc.Rename("WriteLine1", "a");

        var outer = doc.BeginBatch();
        var inner = doc.BeginBatch();
        Assert.Throws<InvalidOperationException>(() => doc.Undo());
        inner.Dispose();
        inner.Dispose();
        Assert.True(doc.InBatch);
        outer.Dispose();
        Assert.False(doc.InBatch);
        Assert.True(doc.Undo());
    }

    [Fact]
    public void Connect_UsesTheFlatForm_WhenTheDocumentDoes()
    {
        var doc = FlowchartDocument.Parse(SharedSamples.Read("ImportAndExecute/implicit-loop.json"));

        doc.Connect("WriteLine3", "Done", "Start1");

        var last = JsonNode.Parse(doc.ToJson())!["root"]!["connections"]!.AsArray().Last()!;
        Assert.Equal("WriteLine3", last["source"]!.GetValue<string>());
        Assert.Equal("Done", last["sourcePort"]!.GetValue<string>());
    }

    [Fact]
    public void CopyPaste_CreatesFreshIdsAndKeepsInnerConnections()
    {
        var doc = FlowchartDocument.Parse(SharedSamples.Read("ExplicitJoins/join-all-1.json"));
        var ids = doc.Activities().Take(2).Select(a => a.Id).ToList();
        var inner = doc.Connections().Count(c => ids.Contains(c.Source) && ids.Contains(c.Target));

        var pasted = doc.Paste(doc.Copy(ids), 40, 40);

        Assert.Equal(2, pasted.Count);
        Assert.Empty(pasted.Intersect(ids));
        Assert.Equal(inner, doc.Connections().Count(c => pasted.Contains(c.Source) && pasted.Contains(c.Target)));
        Assert.True(WorkflowJsonReader.Parse(doc.ToJson()).Succeeded);
        Assert.DoesNotContain(new WorkflowValidator(Registry).Validate(WorkflowJsonReader.Parse(doc.ToJson()).Definition!),
            e => e.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void AutoLayout_PlacesEachActivityRightOfItsPredecessors_EvenWithLoops()
    {
        var doc = FlowchartDocument.Parse(SharedSamples.Read("ImportAndExecute/implicit-loop.json"));

        doc.AutoLayout();

        var x = doc.Activities().ToDictionary(a => a.Id, a => a.Position.X);
        Assert.True(x["Start1"] < x["WriteLine1"]);
        Assert.True(x["WriteLine1"] < x["SetVariable1"]);
        Assert.True(x["SetVariable1"] < x["FlowDecision1"]);
        Assert.True(x["FlowDecision1"] < x["WriteLine3"]);
        Assert.Equal(doc.Activities().Count, doc.Activities().Select(a => a.Position).Distinct().Count());
    }

    [Fact]
    public void AutoLayout_HandlesALargeGeneratedWorkflow()
    {
        var doc = FlowchartDocument.New("big", "big");
        var descriptor = Registry.Find("Elsa.WriteLine")!;
        var ids = Enumerable.Range(0, 200).Select(i => doc.AddActivity(descriptor, 0, 0)).ToList();
        for (var i = 0; i < 199; i++) doc.Connect(ids[i], "Done", ids[i + 1]);
        for (var i = 0; i < 51; i++) doc.Connect(ids[i], "Done", ids[i + 2]);

        doc.AutoLayout();

        Assert.Equal(250, doc.Connections().Count);
        Assert.Equal(199 * 260d, doc.Activities().Single(a => a.Id == ids[^1]).Position.X);
    }

    private static Dictionary<string, (double X, double Y)> Positions(FlowchartDocument doc) =>
        doc.Activities().ToDictionary(a => a.Id, a => a.Position);
}
