using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Tests.Support;

namespace Bishan.Workflow.Engine.Tests.Activities;

/// <summary>Token-based flowcharts: how a target with several inbound connections runs, per merge mode.</summary>
public sealed class TokenMergeModeFacts
{
    /// <summary>JoinBehaviors/fork-decision-join-*: the branch through B is dead because the decision says false.</summary>
    private static string DeadBranch(string mergeMode) => WorkflowJson.Flowchart(
        [A.Start(), A.WriteLine("a", "A"), A.Decision("d", "return false;"), A.WriteLine("b", "B"), A.WriteLine("c", "C").MergeMode(mergeMode)],
        [A.Connect("start", "a"), A.Connect("start", "d"), A.Connect("d", "b", "True"), A.Connect("a", "c"), A.Connect("b", "c")],
        tokenBased: true);

    /// <summary>Both branches into C are taken.</summary>
    private static string BothBranches(string mergeMode) => WorkflowJson.Flowchart(
        [A.Start(), A.WriteLine("a", "A"), A.WriteLine("b", "B"), A.WriteLine("c", "C").MergeMode(mergeMode)],
        [A.Connect("start", "a"), A.Connect("start", "b"), A.Connect("a", "c"), A.Connect("b", "c")],
        tokenBased: true);

    [Theory]
    [InlineData("Stream")]
    [InlineData("None")]
    public async Task Stream_RunsTarget_WhenOtherBranchIsDead(string mode)
    {
        var run = await WorkflowHarness.RunAsync(DeadBranch(mode));

        Assert.Equal(["A", "C"], run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    [Theory]
    [InlineData("Merge")]
    [InlineData("Converge")]
    public async Task MergeAndConverge_NeverRunTargetAndLeaveInstanceSuspended_WhenABranchIsDead(string mode)
    {
        var run = await WorkflowHarness.RunAsync(DeadBranch(mode));

        Assert.Equal(["A"], run.Lines);
        Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);
        Assert.Empty(run.State.Bookmarks);
    }

    [Theory]
    [InlineData("Merge")]
    [InlineData("Converge")]
    public async Task MergeAndConverge_RunTargetOnce_WhenEveryBranchArrives(string mode)
    {
        var run = await WorkflowHarness.RunAsync(BothBranches(mode));

        Assert.Equal(["A", "B", "C"], run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    [Fact]
    public async Task Cascade_RunsTargetForEveryArrivingToken()
    {
        var run = await WorkflowHarness.RunAsync(BothBranches("Cascade"));

        Assert.Equal(["A", "B", "C", "C"], run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    [Fact]
    public async Task Race_RunsTargetOnceAndCancelsWaitingBranch_WhenFirstTokenArrives()
    {
        // The event runs first and blocks; the other branch is two steps long, so the event is running when it wins.
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Start(), A.Event("ev", "late"), A.WriteLine("a1", "A1"), A.WriteLine("a2", "A2"), A.WriteLine("c", "C").MergeMode("Race")],
            [A.Connect("start", "ev"), A.Connect("start", "a1"), A.Connect("a1", "a2"), A.Connect("ev", "c"), A.Connect("a2", "c")],
            tokenBased: true));

        Assert.Equal(["A1", "A2", "C"], run.Lines);
        Assert.Empty(run.State.Bookmarks);
        Assert.Contains(run.Journal, j => j.ActivityId == "ev" && j.EventName == JournalEvents.Cancelled);
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    [Fact]
    public async Task Race_RunsTargetOnce_WhenBothBranchesArrive()
    {
        var run = await WorkflowHarness.RunAsync(BothBranches("Race"));

        Assert.Single(run.Lines, l => l == "C");
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    [Fact]
    public async Task FlowJoinWaitAny_CompletesOnce_InTokenMode()
    {
        // JoinBehaviors/join.json: both WriteLines were scheduled before the join, so both print; the join completes once.
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Start(), A.WriteLine("w1", (string?)null), A.WriteLine("w2", (string?)null), A.Join("join", "WaitAny"), A.End()],
            [A.Connect("start", "w1"), A.Connect("start", "w2"), A.Connect("w1", "join"), A.Connect("w2", "join"), A.Connect("join", "end")],
            tokenBased: true));

        Assert.Equal(["", ""], run.Lines);
        Assert.Single(run.Journal, j => j.ActivityId == "join" && j.EventName == JournalEvents.Completed);
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    [Fact]
    public async Task FlowJoinWaitAll_WaitsForBothBranches_InTokenMode()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Start(), A.WriteLine("a", "A"), A.WriteLine("b", "B"), A.Join("join", "WaitAll"), A.WriteLine("c", "C")],
            [A.Connect("start", "a"), A.Connect("start", "b"), A.Connect("a", "join"), A.Connect("b", "join"), A.Connect("join", "c")],
            tokenBased: true));

        Assert.Equal(["A", "B", "C"], run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    [Fact]
    public async Task Stream_RunsTerminal_WhenDecisionPortsBothLeadToIt()
    {
        // JoinBehaviors/decision-merge-join-none.json: only the False connection fires, End must still run.
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Start(), A.Of("Elsa.FlowDecision", "d", ("condition", E.Literal(false, "Boolean"))), A.End().MergeMode("None")],
            [A.Connect("start", "d"), A.Connect("d", "end", "True"), A.Connect("d", "end", "False")],
            tokenBased: true));

        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
        Assert.Single(run.Journal, j => j.ActivityId == "end" && j.EventName == JournalEvents.Completed);
    }
}
