using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Tests.Support;

namespace Bishan.Workflow.Engine.Tests.Activities;

public sealed class FaultFacts
{
    [Fact]
    public async Task Fault_FaultsInstanceWithIncidentCode_WhenReached()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Start(), A.WriteLine("a", "A"), A.Fault("boom", "110002", "that went south"), A.WriteLine("never", "never")],
            A.Chain("start", "a", "boom", "never")));

        Assert.Equal(WorkflowSubStatus.Faulted, run.SubStatus);
        Assert.Equal(WorkflowStatus.Finished, run.State.Status);
        var incident = Assert.Single(run.State.Incidents);
        Assert.Equal("110002", incident.Code);
        Assert.Equal("that went south", incident.Message);
        Assert.Equal("boom", incident.ActivityId);
        Assert.Equal("Elsa.Fault", incident.ActivityType);
        Assert.Equal(WorkflowHarness.Epoch.UtcDateTime, incident.TimestampUtc);
        Assert.Equal(["A"], run.Lines);
        Assert.Single(run.Last!.NewIncidents);
    }

    [Fact]
    public async Task Fault_UsesDefaultMessage_WhenMessageIsEmpty()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart([A.Of("Elsa.Fault", "boom")]));

        Assert.Equal("The workflow faulted.", Assert.Single(run.State.Incidents).Message);
    }

    [Fact]
    public async Task Journal_RecordsFaultedEntryWithError_WhenActivityFaults()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart([A.Fault("boom", "E1", "bad")]));

        var entry = Assert.Single(run.Journal, j => j.EventName == JournalEvents.Faulted);
        Assert.Equal("bad", entry.Error);
        Assert.Null(entry.Message);
    }

    [Fact]
    public async Task Retry_ContinuesFromFaultedActivity_WhenCauseWasFixed()
    {
        // The script fails while Ok is false; an administrator fixes the variable and retries.
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Start(), A.WriteLine("before", "before"), A.WriteLine("check", E.Js("if (!getOk()) throw new Error('not ok yet'); return 'ok';", "String")),
                A.WriteLine("after", "after")],
            A.Chain("start", "before", "check", "after"), [new Var("Ok", "Boolean", "false")]));
        Assert.Equal(WorkflowSubStatus.Faulted, run.SubStatus);
        Assert.Contains("not ok yet", Assert.Single(run.State.Incidents).Message);

        run.State.Variables["Ok"] = JsonValue.Create(true);
        await run.RetryAsync();

        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
        Assert.Equal(["before", "ok", "after"], run.Lines);
    }

    [Fact]
    public async Task Retry_FaultsAgain_WhenCauseWasNotFixed()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.WriteLine("check", E.Js("throw new Error('still broken')", "String"))]));

        await run.RetryAsync();

        Assert.Equal(WorkflowSubStatus.Faulted, run.SubStatus);
        Assert.Equal(2, run.State.Incidents.Count);
    }

    [Fact]
    public async Task Retry_Throws_WhenInstanceIsNotFaulted()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart([A.WriteLine("a", "A")]));

        await Assert.ThrowsAsync<InvalidOperationException>(run.RetryAsync);
    }

    [Fact]
    public async Task Retry_KeepsWaitingBranch_WhenOtherBranchFaulted()
    {
        // A fault in one branch must not lose the bookmark another branch is waiting on.
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Start(), A.Event("ev", "go"), A.WriteLine("check", E.Js("if (!getOk()) throw new Error('no'); return 'fixed';", "String"))],
            [A.Connect("start", "ev"), A.Connect("start", "check")], [new Var("Ok", "Boolean", "false")]));
        Assert.Equal(WorkflowSubStatus.Faulted, run.SubStatus);

        run.State.Variables["Ok"] = JsonValue.Create(true);
        await run.RetryAsync();

        Assert.Equal(["fixed"], run.Lines);
        Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);
        Assert.Single(run.State.Bookmarks);
    }
}
