using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Tests.Support;

namespace Bishan.Workflow.Engine.Tests.Activities;

/// <summary>Start, End, Complete, Finish, WriteLine, SetVariable, SetOutput.</summary>
public sealed class PrimitiveActivityFacts
{
    [Fact]
    public async Task Start_RunsFirst_WhenItIsNotFirstInDocumentOrder()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.WriteLine("a", "A"), A.Start()], A.Chain("start", "a")));

        Assert.Equal(["A"], run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
        Assert.Equal(WorkflowStatus.Finished, run.State.Status);
    }

    [Fact]
    public async Task Flowchart_CompletesAtOnce_WhenItIsEmpty()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart([]));

        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
        Assert.Empty(run.Lines);
    }

    [Fact]
    public async Task End_FinishesFlowchartAndCancelsRunningSiblings_WhenReached()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Start(), A.WriteLine("a", "A"), A.Delay("wait", "01:00:00"), A.WriteLine("late", "late"), A.End()],
            [A.Connect("start", "a"), A.Connect("start", "wait"), A.Connect("wait", "late"), A.Connect("a", "end")]));

        Assert.Equal(["A"], run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
        Assert.Empty(run.State.Bookmarks);
        Assert.Contains(run.Journal, j => j.ActivityId == "wait" && j.EventName == JournalEvents.Cancelled);
    }

    [Fact]
    public async Task Complete_SetsWorkflowOutcomes_WhenItEndsTheRootFlowchart()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Start(), A.Complete("done", "Approved", "Notified"), A.WriteLine("never", "never")],
            [A.Connect("start", "done")]));

        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
        Assert.Equal(["Approved", "Notified"], run.State.Outcomes);
        Assert.Empty(run.Lines);
    }

    [Fact]
    public async Task Complete_AcceptsSingleOutcomeString_AsElsaExportsIt()
    {
        var complete = A.Of("Elsa.Complete", "done", ("outcomes", E.Literal("Success", "Object")));

        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart([complete]));

        Assert.Equal(["Success"], run.State.Outcomes);
    }

    [Fact]
    public async Task Complete_EndsOnlyTheNestedFlowchart_WhenInsideFlowNode()
    {
        var inner = A.Flowchart("inner", [A.WriteLine("in", "inside"), A.Complete("done", "Success"), A.WriteLine("skipped", "skipped")],
            [A.Connect("in", "done")]);

        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Start(), A.FlowNode("node", inner), A.WriteLine("after", "after")], A.Chain("start", "node", "after")));

        Assert.Equal(["inside", "after"], run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    [Fact]
    public async Task Finish_EndsWholeWorkflowAndRemovesBookmarks_WhenInsideNestedFlowchart()
    {
        var inner = A.Flowchart("inner", [A.Finish()]);

        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Start(), A.Event("wait", "never-sent"), A.FlowNode("node", inner), A.WriteLine("after", "after")],
            [A.Connect("start", "wait"), A.Connect("start", "node"), A.Connect("node", "after")]));

        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
        Assert.Empty(run.State.Bookmarks);
        Assert.Empty(run.State.Queue);
        Assert.Empty(run.Lines);
    }

    [Fact]
    public async Task WriteLine_WritesEmptyLine_WhenTextIsNull()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart([A.WriteLine("a", (string?)null)]));

        Assert.Equal([""], run.Lines);
    }

    [Fact]
    public async Task WriteLine_WritesEmptyLine_WhenTextHasNoExpression()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Of("Elsa.WriteLine", "a", ("text", new JsonObject { ["typeName"] = "String" }))]));

        Assert.Equal([""], run.Lines);
    }

    [Fact]
    public async Task WriteLine_WritesEvaluatedText_WhenTextIsJavaScript()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.WriteLine("a", E.Js("`Hello ${getName()}`", "String"))], variables: [new Var("Name", "String", "张三")]));

        Assert.Equal(["Hello 张三"], run.Lines);
    }

    [Fact]
    public async Task WriteLine_RendersLiquid_WhenTextIsLiquid()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.WriteLine("a", E.Liquid("你好，{{ Variables.Name }}！"))], variables: [new Var("Name", "String", "李四")]));

        Assert.Equal(["你好，李四！"], run.Lines);
    }

    [Fact]
    public async Task SetVariable_ConvertsStringToInt32_WhenVariableIsInt32()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.SetVariable("set", "Counter", E.Literal("41", "Object")), A.WriteLine("w", E.Js("getCounter() + 1", "String"))],
            A.Chain("set", "w"), [new Var("Counter", "Int32", "0")]));

        Assert.Equal(["42"], run.Lines);
        Assert.Equal(41, run.Variable("Counter")!.GetValue<long>());
    }

    [Fact]
    public async Task Variable_StartsConverted_WhenInitialValueIsTheString0()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.WriteLine("w", E.Js("typeof getCounter() + ':' + (getCounter() + 1)", "String"))], variables: [new Var("Counter", "Int32", "0")]));

        Assert.Equal(["number:1"], run.Lines);
    }

    [Fact]
    public async Task SetVariable_StoresObject_WhenJavaScriptReturnsObjectWithSchemaKeys()
    {
        // JSON-schema-like keys ($schema, $id) must survive as plain properties, not be read as type metadata.
        const string script = "return { '$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'case-1', name: '王五', tags: ['a', 'b'] };";

        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.SetVariable("set", "Doc", E.Js(script)), A.WriteLine("w", E.Js("getDoc()['$id'] + ' ' + getDoc().name + ' ' + getDoc().tags.length", "String"))],
            A.Chain("set", "w"), [new Var("Doc")]));

        var doc = Assert.IsType<JsonObject>(run.Variable("Doc"));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", doc["$schema"]!.GetValue<string>());
        Assert.Equal("case-1", doc["$id"]!.GetValue<string>());
        Assert.Equal(["case-1 王五 2"], run.Lines);
    }

    [Fact]
    public async Task SetVariable_ParsesJsonText_WhenVariableIsObject()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.SetVariable("set", "Doc", E.Literal("{\"$id\":\"x\",\"n\":1}", "Object"))], variables: [new Var("Doc")]));

        Assert.Equal("x", run.Variable("Doc")!["$id"]!.GetValue<string>());
    }

    [Fact]
    public async Task SetVariable_FaultsWithClearMessage_WhenVariableIsNotDeclared()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart([A.SetVariable("set", "Missing", E.Literal("1"))]));

        Assert.Equal(WorkflowSubStatus.Faulted, run.SubStatus);
        Assert.Contains("no variable 'Missing'", Assert.Single(run.State.Incidents).Message);
    }

    [Fact]
    public async Task SetOutput_SetsWorkflowOutput_WhenValueIsJavaScript()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.SetOutput("out", "Total", E.Js("getA() + getB()"))], variables: [new Var("A", "Int32", "2"), new Var("B", "Int32", "3")]));

        Assert.Equal(5, run.State.Output["Total"]!.GetValue<long>());
    }
}
