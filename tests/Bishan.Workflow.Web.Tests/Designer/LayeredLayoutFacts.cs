using Bishan.Workflow.Web.Components.Designer;

namespace Bishan.Workflow.Web.Tests.Designer;

/// <summary>The designer's auto-layout (issue 14): long chains wrap into bands instead of one unreadable strip.</summary>
public sealed class LayeredLayoutFacts
{
    private static List<LayoutNode> Chain(int count) => Enumerable.Range(0, count).Select(i => new LayoutNode($"n{i}", 80)).ToList();

    private static List<(string, string)> Links(int count) => Enumerable.Range(1, count - 1).Select(i => ($"n{i - 1}", $"n{i}")).ToList();

    [Fact]
    public void Arrange_WrapsALongChainIntoBands_NoWiderThanTheLimit()
    {
        var positions = LayeredLayout.Arrange(Chain(14), Links(14), "n0", maxWidth: 1000);

        Assert.All(positions.Values, p => Assert.InRange(p.X + LayeredLayout.NodeWidth, 0, 1000));
        var bands = positions.Values.Select(p => p.Y).Distinct().Count();
        Assert.Equal(4, bands); // 4 columns of 250 fit in 1000: 4 + 4 + 4 + 2
        Assert.Equal((0, 0), positions["n0"]);
        // Reading order: left to right in a band, then the next band below.
        Assert.True(positions["n1"].X > positions["n0"].X);
        Assert.True(positions["n4"].Y > positions["n3"].Y);
        Assert.Equal(0, positions["n4"].X);
    }

    [Fact]
    public void Arrange_NeverOverlapsNodes()
    {
        var nodes = Chain(9).Append(new LayoutNode("side", 120)).Append(new LayoutNode("other", 60)).ToList();
        var links = Links(9).Concat([("n2", "side"), ("n2", "other"), ("side", "n3")]).ToList();
        var positions = LayeredLayout.Arrange(nodes, links, "n0", maxWidth: 800);
        var heights = nodes.ToDictionary(n => n.Id, n => n.Height);

        foreach (var a in positions)
            foreach (var b in positions.Where(b => string.CompareOrdinal(a.Key, b.Key) < 0))
            {
                var apart = a.Value.X + LayeredLayout.NodeWidth <= b.Value.X || b.Value.X + LayeredLayout.NodeWidth <= a.Value.X
                            || a.Value.Y + heights[a.Key] <= b.Value.Y || b.Value.Y + heights[b.Key] <= a.Value.Y;
                Assert.True(apart, $"{a.Key} and {b.Key} overlap.");
            }
    }

    [Fact]
    public void Layers_IgnoreTheConnectionThatClosesALoop()
    {
        // a -> b -> c -> b (a loop back): c is one layer after b, and b is not pushed after c.
        var layers = LayeredLayout.Layers(["a", "b", "c", "d"], [("a", "b"), ("b", "c"), ("c", "b"), ("c", "d")], "a");

        Assert.Equal(0, layers["a"]);
        Assert.Equal(1, layers["b"]);
        Assert.Equal(2, layers["c"]);
        Assert.Equal(3, layers["d"]);
    }

    [Fact]
    public void Layers_PutAnActivityAfterItsLongestWayIn()
    {
        var layers = LayeredLayout.Layers(["s", "x", "y", "join"], [("s", "x"), ("x", "y"), ("y", "join"), ("s", "join")], "s");
        Assert.Equal(3, layers["join"]);
    }

    [Fact]
    public void AutoLayout_OfCaseIntake_FitsAReadableCanvas()
    {
        // At 1440 × 900 the canvas is about 860 × 700 px: at 92 % zoom (12 px text reads as 11 px) that is ~935 × 760 units.
        var session = DesignerTestData.Session("case-intake");
        session.AutoLayout(maxWidth: 930);

        var right = session.Activities.Max(a => a.Position.X) + LayeredLayout.NodeWidth;
        var bottom = session.Activities.Max(a => a.Position.Y + session.EstimatedHeight(a.Id));
        Assert.Equal(14, session.Activities.Count);
        Assert.InRange(right, 0, 930);
        Assert.True(bottom <= 760, string.Join("; ", session.Activities.Select(a => $"{a.Id} {a.Position} {session.EstimatedHeight(a.Id)}")));
        Assert.Equal((0, 0), session.Activities.Single(a => a.Id == "start").Position);
    }

    [Fact]
    public void EstimateHeight_GrowsWithTheNameAndTheOutcomes()
    {
        Assert.True(LayeredLayout.EstimateHeight("指定帮扶团队并制定帮扶方案（一人一策）", 1) > LayeredLayout.EstimateHeight("入库", 1));
        Assert.True(LayeredLayout.EstimateHeight("入库审批", 3) > LayeredLayout.EstimateHeight("入库审批", 1));
    }
}
