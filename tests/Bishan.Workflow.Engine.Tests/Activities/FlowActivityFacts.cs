using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Tests.Support;

namespace Bishan.Workflow.Engine.Tests.Activities;

/// <summary>FlowDecision, FlowJoin (counter mode), FlowNode, Fork, loops, and the guard against endless loops.</summary>
public sealed class FlowActivityFacts
{
    [Theory]
    [InlineData("getAge() >= 18", "adult")]
    [InlineData("getAge() < 18", "minor")]
    [InlineData("return false;", "minor")]
    public async Task FlowDecision_FollowsOnlyThePortItCompletesWith(string condition, string expected)
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Start(), A.Decision("d", condition), A.WriteLine("adult", "adult"), A.WriteLine("minor", "minor")],
            [A.Connect("start", "d"), A.Connect("d", "adult", "True"), A.Connect("d", "minor", "False")],
            [new Var("Age", "Int32", "20")]));

        Assert.Equal([expected], run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    [Fact]
    public async Task FlowDecision_ReadsLiteralBoolean_WhenConditionIsJsonFalse()
    {
        var decision = A.Of("Elsa.FlowDecision", "d", ("condition", E.Literal(false, "Boolean")));

        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [decision, A.WriteLine("t", "T"), A.WriteLine("f", "F")], [A.Connect("d", "t", "True"), A.Connect("d", "f", "False")]));

        Assert.Equal(["F"], run.Lines);
    }

    [Fact]
    public async Task FlowDecision_EndsBranch_WhenTakenPortHasNoConnection()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Start(), A.Decision("d", "false"), A.WriteLine("t", "T")], [A.Connect("start", "d"), A.Connect("d", "t", "True")]));

        Assert.Empty(run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    [Fact]
    public async Task Scheduling_IsFifo_WhenActivityFansOut()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.WriteLine("a", "A"), A.WriteLine("b", "B"), A.WriteLine("c", "C"), A.WriteLine("d", "D"), A.WriteLine("c2", "C2")],
            [A.Connect("a", "c"), A.Connect("a", "b"), A.Connect("a", "d"), A.Connect("c", "c2")]));

        Assert.Equal(["A", "C", "B", "D", "C2"], run.Lines);
    }

    private static string JoinWorkflow(string mode, bool secondBranchTaken) => WorkflowJson.Flowchart(
        [A.Start(), A.WriteLine("l1", "Line 1"), A.Decision("d", secondBranchTaken ? "true" : "false"), A.WriteLine("l2", "Line 2"),
            A.Join("join", mode), A.WriteLine("end", "End")],
        [A.Connect("start", "l1"), A.Connect("start", "d"), A.Connect("d", "l2", "True"), A.Connect("l1", "join"), A.Connect("l2", "join"),
            A.Connect("join", "end")]);

    [Theory]
    [InlineData("WaitAll", true, new[] { "Line 1", "Line 2", "End" })]
    [InlineData("WaitAll", false, new[] { "Line 1" })]
    [InlineData("WaitAllActive", true, new[] { "Line 1", "Line 2", "End" })]
    [InlineData("WaitAllActive", false, new[] { "Line 1", "End" })]
    // Line 2 was already scheduled when the join ran: as in Elsa, scheduled work still runs, only running branches are cancelled.
    [InlineData("WaitAny", true, new[] { "Line 1", "Line 2", "End" })]
    [InlineData("WaitAny", false, new[] { "Line 1", "End" })]
    public async Task FlowJoin_RunsAccordingToMode_InCounterMode(string mode, bool secondBranchTaken, string[] expected)
    {
        var run = await WorkflowHarness.RunAsync(JoinWorkflow(mode, secondBranchTaken));

        Assert.Equal(expected, run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    [Fact]
    public async Task FlowJoin_WaitAll_WaitsForBlockedBranch_UntilItIsResumed()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Start(), A.WriteLine("l1", "Line 1"), A.Event("ev", "go"), A.Join("join", "WaitAll"), A.WriteLine("end", "End")],
            [A.Connect("start", "l1"), A.Connect("start", "ev"), A.Connect("l1", "join"), A.Connect("ev", "join"), A.Connect("join", "end")]));
        Assert.Equal(["Line 1"], run.Lines);
        Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);

        await run.ResumeAsync();

        Assert.Equal(["Line 1", "End"], run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    [Fact]
    public async Task FlowJoin_WaitAny_CancelsBlockedBranch_WhenFirstBranchArrives()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Start(), A.WriteLine("l1", "Line 1"), A.Event("ev", "go"), A.Join("join", "WaitAny"), A.WriteLine("end", "End")],
            [A.Connect("start", "l1"), A.Connect("start", "ev"), A.Connect("l1", "join"), A.Connect("ev", "join"), A.Connect("join", "end")]));

        Assert.Equal(["Line 1", "End"], run.Lines);
        Assert.Empty(run.State.Bookmarks);
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    [Fact]
    public async Task FlowJoin_WaitAny_RunsOnce_WhenTwoJoinsFeedIt()
    {
        // ExplicitJoins/join-any-1: "End" once although two paths reach the last join.
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.WriteLine("s", "Start"), A.Join("j1", "WaitAny"), A.Join("j2", "WaitAny"), A.Join("j3", "WaitAny"), A.WriteLine("e", "End")],
            [A.Connect("s", "j1"), A.Connect("s", "j2"), A.Connect("j1", "j3"), A.Connect("j2", "j3"), A.Connect("j3", "e")]));

        Assert.Equal(["Start", "End"], run.Lines);
        Assert.Single(run.Journal, j => j.ActivityId == "j3" && j.EventName == JournalEvents.Completed);
    }

    [Fact]
    public async Task ImplicitJoin_WaitsForAllActiveBranches_WhenActivityHasTwoInbound()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Start(), A.WriteLine("a", "A"), A.WriteLine("b", "B"), A.WriteLine("b2", "B2"), A.WriteLine("c", "C")],
            [A.Connect("start", "a"), A.Connect("start", "b"), A.Connect("b", "b2"), A.Connect("a", "c"), A.Connect("b2", "c")]));

        Assert.Equal(["A", "B", "B2", "C"], run.Lines);
    }

    [Fact]
    public async Task ImplicitJoin_IsSkippedAndSkipSpreads_WhenNoInboundWasTaken()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Start(), A.Decision("d", "false"), A.WriteLine("a", "A"), A.WriteLine("b", "B"), A.WriteLine("c", "C"), A.WriteLine("c2", "C2"),
                A.WriteLine("other", "other")],
            [A.Connect("start", "d"), A.Connect("d", "a", "True"), A.Connect("d", "b", "True"), A.Connect("a", "c"), A.Connect("b", "c"),
                A.Connect("c", "c2"), A.Connect("d", "other", "False")]));

        Assert.Equal(["other"], run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    [Fact]
    public async Task FlowNode_RunsNestedFlowchartThenContinues()
    {
        var inner = A.Flowchart("inner", [A.WriteLine("i1", "inner 1"), A.WriteLine("i2", "inner 2")], A.Chain("i1", "i2"));

        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Start(), A.WriteLine("before", "before"), A.FlowNode("node", inner), A.WriteLine("after", "after")],
            A.Chain("start", "before", "node", "after")));

        Assert.Equal(["before", "inner 1", "inner 2", "after"], run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    [Fact]
    public async Task FlowNode_WaitsForBookmarkInBody_BeforeContinuing()
    {
        var inner = A.Flowchart("inner", [A.Event("ev", "go"), A.WriteLine("i", "inner")], A.Chain("ev", "i"));

        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.FlowNode("node", inner), A.WriteLine("after", "after")], A.Chain("node", "after")));
        Assert.Empty(run.Lines);
        Assert.Equal("flow:node:inner:ev", Assert.Single(run.State.Bookmarks).NodeId);

        await run.ResumeAsync();

        Assert.Equal(["inner", "after"], run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    [Fact]
    public async Task Fork_FiresEveryNamedBranch()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Start(), A.Fork("fork", "Left", "Right"), A.WriteLine("l", "left"), A.WriteLine("r", "right")],
            [A.Connect("start", "fork"), A.Connect("fork", "l", "Left"), A.Connect("fork", "r", "Right")]));

        Assert.Equal(["left", "right"], run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    [Fact]
    public async Task Fork_RunsActivityBranches_AndCompletesWhenAllHave()
    {
        var fork = A.Of("Elsa.Fork", "fork", ("branches", new System.Text.Json.Nodes.JsonArray(A.WriteLine("b1", "one"), A.Event("b2", "go"))));

        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart([fork, A.WriteLine("after", "after")], A.Chain("fork", "after")));
        Assert.Equal(["one"], run.Lines);

        await run.ResumeAsync();

        Assert.Equal(["one", "after"], run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    [Fact]
    public async Task Loop_RepeatsOverBackwardConnection_UntilDecisionExits()
    {
        // ImportAndExecute/implicit-loop.json, rebuilt.
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Start(), A.WriteLine("do", "Do something"), A.SetVariable("inc", "Counter", E.Js("getCounter() + 1")), A.Decision("d", "getCounter() > 1"),
                A.WriteLine("retry", "Retry"), A.WriteLine("done", "Done")],
            [A.Connect("start", "do"), A.Connect("do", "inc"), A.Connect("inc", "d"), A.Connect("d", "retry", "False"), A.Connect("retry", "do"),
                A.Connect("d", "done", "True")],
            [new Var("Counter", "Int32", "0")]));

        Assert.Equal(["Do something", "Retry", "Do something", "Done"], run.Lines);
        Assert.Equal(2, run.Variable("Counter")!.GetValue<long>());
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    [Fact]
    public async Task Loop_WaitsOnEveryRound_WhenBodyHasABookmark()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Start(), A.Event("ev", "tick"), A.SetVariable("inc", "N", E.Js("getN() + 1")), A.Decision("d", "getN() >= 3"), A.WriteLine("done", "done")],
            [A.Connect("start", "ev"), A.Connect("ev", "inc"), A.Connect("inc", "d"), A.Connect("d", "ev", "False"), A.Connect("d", "done", "True")],
            [new Var("N", "Int32", "0")]));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);
            await run.ResumeAsync();
        }

        Assert.Equal(["done"], run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    [Fact]
    public async Task Loop_Faults_WhenItNeverBlocks()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Start(), A.WriteLine("a", "tick"), A.WriteLine("b", "tock")],
            [A.Connect("start", "a"), A.Connect("a", "b"), A.Connect("b", "a")]));

        Assert.Equal(WorkflowSubStatus.Faulted, run.SubStatus);
        Assert.Contains("10,000", Assert.Single(run.State.Incidents).Message);
        Assert.InRange(run.Lines.Count, 9_990, 10_000);
    }

    [Fact]
    public async Task Loop_FaultsAtConfiguredLimit_WhenOptionIsSet()
    {
        var run = await new WorkflowHarness(WorkflowJson.Flowchart(
                [A.WriteLine("a", "tick").CanStart()], [A.Connect("a", "a")]),
            new ExecutorOptions { MaxExecutionsWithoutBookmark = 50 }).StartAsync();

        Assert.Equal(WorkflowSubStatus.Faulted, run.SubStatus);
        Assert.InRange(run.Lines.Count, 45, 50);
    }
}
