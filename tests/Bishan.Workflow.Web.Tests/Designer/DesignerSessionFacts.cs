using Bishan.Workflow.Engine.Authoring;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Web.Components.Designer;

namespace Bishan.Workflow.Web.Tests.Designer;

public sealed class DesignerSessionFacts
{
    [Fact]
    public void CopyPaste_AddsFreshActivitiesWithTheirInnerConnections_OnTheDiagramToo()
    {
        var session = DesignerTestData.Session("case-intake");
        using var binder = new DiagramBinder(session, "en");
        var fragment = session.Copy(["help-wait", "help-record"]);

        var ids = session.Paste(fragment, 40, 40);

        Assert.Equal(2, ids.Count);
        Assert.All(ids, id => Assert.True(binder.Nodes.ContainsKey(id)));
        Assert.Contains(session.Connections, c => c.Source == ids[0] && c.Target == ids[1] || c.Source == ids[1] && c.Target == ids[0]);
        Assert.Equal(session.Connections.Distinct().Count(), binder.Diagram.Links.Count);
        var original = session.Activities.Single(a => a.Id == "help-wait").Position;
        Assert.Equal((original.X + 40, original.Y + 40), session.Activities.Single(a => a.Id == ids[0]).Position);
    }

    [Fact]
    public void DeletingASelectedConnection_RemovesOnlyThatConnection()
    {
        var session = DesignerTestData.Session("case-intake");
        using var binder = new DiagramBinder(session, "en");
        var connection = new ConnectionView("check-proposal", "True", "approve-registration", "In");
        binder.Diagram.SelectModel(binder.Links[connection], true);

        binder.DeleteSelection();

        Assert.DoesNotContain(connection, session.Connections);
        Assert.Equal(session.Activities.Count, binder.Diagram.Nodes.Count);
        Assert.False(binder.Links.ContainsKey(connection));
        Assert.True(session.IsDirty);
    }

    [Fact]
    public void AutoLayout_MovesTheNodes_AndKeepsEveryActivity()
    {
        var session = DesignerTestData.Session("case-intake");
        using var binder = new DiagramBinder(session, "en");
        session.AutoLayout();
        Assert.Equal(session.Activities.Count, binder.Diagram.Nodes.Count);
        Assert.All(session.Activities, a => Assert.Equal((a.Position.X, a.Position.Y), (binder.Nodes[a.Id].Position.X, binder.Nodes[a.Id].Position.Y)));
        Assert.Equal((0, 0), session.Activities.Single(a => a.Id == "start").Position);
    }

    [Fact]
    public void InstanceStates_IncidentsBeatBookmarksBeatTheJournal()
    {
        var at = new DateTime(2026, 11, 28, 0, 0, 0, DateTimeKind.Utc);
        var states = InstanceStates.From(
            [new JournalEntry(1, "a", "f:a", "T", null, "Completed", null, null, at), new JournalEntry(2, "b", "f:b", "T", null, "Started", null, null, at),
             new JournalEntry(3, "c", "f:c", "T", null, "Started", null, null, at)],
            [new Bookmark { Id = "1", ContextId = "x", NodeId = "f:b", ActivityId = "b", ActivityType = "T", Name = "n", CreatedAtUtc = at }],
            [new Incident("i", "c", "f:c", "T", "boom", null, at)]);
        Assert.Equal(NodeState.Executed, states["a"]);
        Assert.Equal(NodeState.Waiting, states["b"]);
        Assert.Equal(NodeState.Faulted, states["c"]);
    }
}
