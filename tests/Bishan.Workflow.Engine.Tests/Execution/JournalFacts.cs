using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Tests.Support;

namespace Bishan.Workflow.Engine.Tests.Execution;

/// <summary>The console is derived from the journal, so each WriteLine execution must leave its text exactly once.</summary>
public sealed class JournalFacts
{
    private static void AssertOneMessagePerWriteLineExecution(WorkflowHarness run)
    {
        var writeLines = run.Journal.Where(j => j.ActivityType == "Elsa.WriteLine").ToList();
        var executions = writeLines.Count(j => j.EventName == JournalEvents.Completed);
        var withMessage = writeLines.Where(j => j.Message is not null).ToList();

        Assert.Equal(executions, withMessage.Count);
        Assert.All(withMessage, j => Assert.Equal(JournalEvents.Completed, j.EventName));
        Assert.All(run.Journal.Where(j => j.ActivityType != "Elsa.WriteLine"), j => Assert.Null(j.Message));
    }

    [Fact]
    public async Task Journal_CarriesEachWriteLineTextOnce_InExecutionOrder()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Start(), A.WriteLine("a", "A"), A.WriteLine("b", (string?)null), A.WriteLine("c", "C")],
            A.Chain("start", "a", "b", "c")));

        Assert.Equal(["A", "", "C"], run.Lines);
        AssertOneMessagePerWriteLineExecution(run);
        Assert.Equal(run.Journal.Select(j => j.Sequence).Order(), run.Journal.Select(j => j.Sequence));
    }

    [Fact]
    public async Task Journal_CarriesOneMessagePerRound_WhenWriteLineIsInALoop()
    {
        var run = await new WorkflowHarness(WorkflowJson.Flowchart([A.WriteLine("a", "tick").CanStart()], [A.Connect("a", "a")]),
            new ExecutorOptions { MaxExecutionsWithoutBookmark = 20 }).StartAsync();

        AssertOneMessagePerWriteLineExecution(run);
        Assert.All(run.Lines, l => Assert.Equal("tick", l));
    }

    [Fact]
    public async Task Journal_HasNoMessage_WhenWriteLineFaults()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart([A.WriteLine("a", E.Js("throw new Error('x')", "String"))]));

        Assert.Empty(run.Lines);
        Assert.All(run.Journal, j => Assert.Null(j.Message));
    }

    [Fact]
    public async Task Journal_ContinuesSequence_AcrossResume()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.WriteLine("a", "before"), A.Event("ev", "go"), A.WriteLine("b", "after")], A.Chain("a", "ev", "b")));
        var firstPass = run.Journal.Count;

        await run.ResumeAsync();

        Assert.Equal(["before", "after"], run.Lines);
        AssertOneMessagePerWriteLineExecution(run);
        Assert.Equal(Enumerable.Range(1, run.Journal.Count).Select(i => (long)i), run.Journal.Select(j => j.Sequence));
        Assert.True(run.Journal.Count > firstPass);
    }
}
