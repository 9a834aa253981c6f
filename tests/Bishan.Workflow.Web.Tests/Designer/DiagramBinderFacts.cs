using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Authoring;
using Bishan.Workflow.Web.Components.Designer;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Events;
using Blazor.Diagrams.Core.Models;

namespace Bishan.Workflow.Web.Tests.Designer;

/// <summary>The diagram ⇄ document mapping, driven through the designer's own binder as the canvas would drive it.</summary>
public sealed class DiagramBinderFacts
{
    [Fact]
    public void Load_DrawsEveryActivityConnectionAndPosition_WithPortsPerOutcome()
    {
        var session = DesignerTestData.Session("case-intake");
        using var binder = new DiagramBinder(session, "zh-CN");

        Assert.Equal(session.Activities.Count, binder.Diagram.Nodes.Count);
        Assert.Equal(session.Connections.Distinct().Count(), binder.Diagram.Links.Count);
        var screening = binder.Nodes["screening"];
        Assert.Equal((738, 0), (screening.Position.X, screening.Position.Y));
        Assert.Equal("筛查", screening.Title);
        Assert.Equal(DesignerTestData.Registry.Find("Bishan.UserTask")!.DisplayName.ZhCn, screening.TypeDisplayName);
        // A user task's ports come from its outcomes input; a decision's from its descriptor.
        Assert.Equal(["Done", "Eligible", "NotEligible"], screening.OutcomePorts.Select(p => p.Outcome));
        Assert.Equal(["True", "False"], binder.Nodes["check-proposal"].OutcomePorts.Select(p => p.Outcome));
        Assert.Contains(binder.Nodes["approve-registration"].OutcomePorts, p => p.Outcome == "SentBack");
    }

    [Fact]
    public void MoveAndConnect_ThroughTheDiagram_RoundTripEveryActivityInputConnectionAndPosition()
    {
        var session = DesignerTestData.Session("case-intake");
        var before = JsonNode.Parse(session.ToJson())!;
        using var binder = new DiagramBinder(session, "en");

        // Move: what the drag behaviour does on pointer up.
        var plan = binder.Nodes["plan"];
        plan.SetPosition(1990, 60);
        plan.TriggerMoved();
        // Connect: a link dragged from an outcome port and dropped on another activity.
        var port = binder.Nodes["reject"].OutcomePort("Done")!;
        var link = binder.Diagram.Options.Links.Factory(binder.Diagram, port, new PositionAnchor(new(0, 0)))!;
        binder.Diagram.Links.Add(link);
        link.SetTarget(binder.Diagram.Options.Links.TargetAnchorFactory(binder.Diagram, link, binder.Nodes["end-help"]));
        link.TriggerTargetAttached();

        var after = JsonNode.Parse(session.ToJson())!;
        var reread = FlowchartDocument.Parse(session.ToJson());
        Assert.Equal((1990, 60), reread.Activities().Single(a => a.Id == "plan").Position);
        Assert.Contains(new ConnectionView("reject", "Done", "end-help", "In"), reread.Connections());
        Assert.Equal(before["root"]!["connections"]!.AsArray().Count + 1, after["root"]!["connections"]!.AsArray().Count);

        // Everything else is untouched: every activity with every input, and every top-level property.
        foreach (var activity in before["root"]!["activities"]!.AsArray().OfType<JsonObject>())
        {
            var id = activity["id"]!.GetValue<string>();
            var moved = after["root"]!["activities"]!.AsArray().OfType<JsonObject>().Single(a => a["id"]!.GetValue<string>() == id);
            foreach (var (name, value) in activity.Where(p => p.Key != "metadata"))
                Assert.True(JsonNode.DeepEquals(value, moved[name]), $"{id}.{name} changed");
            if (id != "plan") Assert.True(JsonNode.DeepEquals(activity["metadata"], moved["metadata"]), $"{id} moved");
        }
        foreach (var (name, value) in before.AsObject().Where(p => p.Key != "root"))
            Assert.True(JsonNode.DeepEquals(value, after[name]), $"{name} changed");

        // The diagram is in line with the document: one new link, in the document's own nested form.
        Assert.Equal(reread.Connections().Distinct().Count(), binder.Diagram.Links.Count);
        Assert.NotNull(after["root"]!["connections"]!.AsArray().Last()!["source"]!["activity"]);
    }

    [Fact]
    public void DraggingSeveralSelectedNodes_MovesThemAll_AsOneUndoStep()
    {
        var session = DesignerTestData.Session("case-intake");
        using var binder = new DiagramBinder(session, "en");
        string[] dragged = ["plan", "reject", "end-help"];
        var start = dragged.ToDictionary(id => id, id => session.Activities.Single(a => a.Id == id).Position);
        foreach (var id in dragged) binder.Diagram.SelectModel(binder.Nodes[id], false);

        // The library's own drag behaviour: press on one selected node, move, release.
        binder.Diagram.TriggerPointerDown(binder.Nodes["plan"], Pointer(500, 300));
        binder.Diagram.TriggerPointerMove(null, Pointer(530, 320));
        binder.Diagram.TriggerPointerMove(null, Pointer(560, 340));
        binder.Diagram.TriggerPointerUp(binder.Nodes["plan"], Pointer(560, 340));

        foreach (var id in dragged)
        {
            Assert.Equal((start[id].X + 60, start[id].Y + 40), session.Activities.Single(a => a.Id == id).Position);
            Assert.Equal((start[id].X + 60, start[id].Y + 40), (binder.Nodes[id].Position.X, binder.Nodes[id].Position.Y));
        }

        Assert.True(session.Undo());
        foreach (var id in dragged)
        {
            Assert.Equal(start[id], session.Activities.Single(a => a.Id == id).Position);
            Assert.Equal(start[id], (binder.Nodes[id].Position.X, binder.Nodes[id].Position.Y));
        }
        Assert.False(session.Document.CanUndo);

        Assert.True(session.Redo());
        foreach (var id in dragged)
            Assert.Equal((start[id].X + 60, start[id].Y + 40), (binder.Nodes[id].Position.X, binder.Nodes[id].Position.Y));
        Assert.False(session.Document.CanRedo);
    }

    [Fact]
    public void DeletingSeveralNodesAndAConnection_IsOneUndoStep()
    {
        var session = DesignerTestData.Session("case-intake");
        using var binder = new DiagramBinder(session, "en");
        var before = session.ToJson();
        var connection = new ConnectionView("check-proposal", "True", "approve-registration", "In");
        binder.Diagram.SelectModel(binder.Nodes["register"], false);
        binder.Diagram.SelectModel(binder.Nodes["plan"], false);
        binder.Diagram.SelectModel(binder.Links[connection], false);

        binder.DeleteSelection();

        Assert.DoesNotContain(session.Activities, a => a.Id is "register" or "plan");
        Assert.DoesNotContain(connection, session.Connections);
        Assert.True(session.Undo());
        Assert.Equal(before, session.ToJson());
        Assert.False(session.Document.CanUndo);
        Assert.Equal(session.Activities.Count, binder.Diagram.Nodes.Count);
        Assert.Equal(session.Connections.Distinct().Count(), binder.Diagram.Links.Count);
    }

    [Fact]
    public void PastingSeveralNodes_IsOneUndoStep()
    {
        var session = DesignerTestData.Session("case-intake");
        using var binder = new DiagramBinder(session, "en");
        var nodes = binder.Diagram.Nodes.Count;

        var ids = session.Paste(session.Copy(["help-wait", "help-record", "end-help"]), 40, 40);

        Assert.Equal(3, ids.Count);
        Assert.True(session.Undo());
        Assert.False(session.Document.CanUndo);
        Assert.Equal(nodes, binder.Diagram.Nodes.Count);
        Assert.All(ids, id => Assert.False(binder.Nodes.ContainsKey(id)));
    }

    [Fact]
    public void DroppingALinkOnAConnectedPairAgain_AddsNothing()
    {
        var session = DesignerTestData.Session("case-intake");
        using var binder = new DiagramBinder(session, "en");
        var count = session.Connections.Count;
        var port = binder.Nodes["start"].OutcomePort("Done")!;
        var link = binder.Diagram.Options.Links.Factory(binder.Diagram, port, new PositionAnchor(new(0, 0)))!;
        binder.Diagram.Links.Add(link);
        link.SetTarget(new SinglePortAnchor(binder.Nodes["init"].InPort));
        link.TriggerTargetAttached();

        Assert.Equal(count, session.Connections.Count);
        Assert.Equal(session.Connections.Distinct().Count(), binder.Diagram.Links.Count);
        Assert.False(session.Document.CanUndo);
    }

    [Fact]
    public void DeleteUndoRedo_KeepTheDiagramInLineWithTheDocument()
    {
        var session = DesignerTestData.Session("case-intake");
        using var binder = new DiagramBinder(session, "en");
        var nodes = binder.Diagram.Nodes.Count;
        var links = binder.Diagram.Links.Count;

        binder.Diagram.SelectModel(binder.Nodes["register"], true);
        binder.DeleteSelection();
        Assert.Equal(nodes - 1, binder.Diagram.Nodes.Count);
        Assert.Equal(links - 2, binder.Diagram.Links.Count);
        Assert.DoesNotContain(session.Activities, a => a.Id == "register");

        Assert.True(session.Undo());
        Assert.Equal(nodes, binder.Diagram.Nodes.Count);
        Assert.Equal(links, binder.Diagram.Links.Count);
        Assert.True(session.Redo());
        Assert.Equal(nodes - 1, binder.Diagram.Nodes.Count);
    }

    [Fact]
    public void PaletteAdd_UsesDescriptorDefaults_AndOutcomeInputAddsPorts()
    {
        var session = DesignerTestData.Session("case-intake");
        using var binder = new DiagramBinder(session, "zh-CN");
        var id = session.Add("Bishan.UserTask", 1400, 300);

        var node = binder.Nodes[id];
        Assert.Equal((1400, 300), (node.Position.X, node.Position.Y));
        Assert.Equal("P7D", session.Activity(id)!["dueIn"]!["expression"]!["value"]!.GetValue<string>());
        Assert.Contains(session.Errors, e => e.ActivityId == id && e.Message.Contains("title", StringComparison.Ordinal));
        Assert.NotEmpty(node.Errors);

        session.SetInputJson(id, "outcomes", "String[]", "Literal", new JsonArray("Visited", "NotHome"));
        Assert.Equal(["Done", "Visited", "NotHome"], binder.Nodes[id].OutcomePorts.Select(p => p.Outcome));
        session.SetInput(id, "title", "String", "Liquid", "家访 home visit");
        Assert.Empty(binder.Nodes[id].Errors);
    }

    [Fact]
    public void ReadOnlyDiagram_LocksNodesAndIgnoresGestures()
    {
        var session = DesignerTestData.Session("weekly-consultation");
        using var binder = new DiagramBinder(session, "en", readOnly: true);
        var node = binder.Diagram.Nodes.OfType<ActivityNodeModel>().First();
        Assert.True(node.Locked);
        node.SetPosition(999, 999);
        node.TriggerMoved();
        Assert.False(session.IsDirty);
        Assert.Null(binder.Diagram.Options.Links.Factory(binder.Diagram, node.OutcomePorts.First(), new PositionAnchor(new(0, 0))));
    }

    private static PointerEventArgs Pointer(double x, double y) =>
        new(x, y, 0, 1, false, false, false, 1, 1, 1, 0.5f, 0, 0, "mouse", true);
}
