using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Tests.Support;

namespace Bishan.Workflow.Engine.Tests.Activities;

public sealed class RunJavaScriptFacts
{
    [Theory]
    [InlineData("setOutcome('Left')", "left")]
    [InlineData("setOutcome(getGoRight() ? 'Right' : 'Left')", "right")]
    public async Task RunJavaScript_FollowsOutcomeChosenBySetOutcome(string script, string expected)
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.Start(), A.RunJs("js", script, ["Left", "Right"]), A.WriteLine("l", "left"), A.WriteLine("r", "right"), A.WriteLine("d", "done")],
            [A.Connect("start", "js"), A.Connect("js", "l", "Left"), A.Connect("js", "r", "Right"), A.Connect("js", "d")],
            [new Var("GoRight", "Boolean", "true")]));

        Assert.Equal([expected], run.Lines);
    }

    [Fact]
    public async Task RunJavaScript_FollowsDone_WhenScriptChoosesNoOutcome()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.RunJs("js", "1 + 1", ["Left"]), A.WriteLine("l", "left"), A.WriteLine("d", "done")],
            [A.Connect("js", "l", "Left"), A.Connect("js", "d")]));

        Assert.Equal(["done"], run.Lines);
    }

    [Fact]
    public async Task RunJavaScript_FollowsEveryOutcome_WhenSetOutcomesGetsAList()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.RunJs("js", "setOutcomes(['A', 'B'])", ["A", "B"]), A.WriteLine("a", "a"), A.WriteLine("b", "b")],
            [A.Connect("js", "a", "A"), A.Connect("js", "b", "B")]));

        Assert.Equal(["a", "b"], run.Lines);
    }

    [Fact]
    public async Task RunJavaScript_WritesResultToVariable_WhenResultIsBound()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.RunJs("js", "getA() + getB()", resultTarget: "Sum"), A.WriteLine("w", E.Js("'sum=' + getSum()", "String"))],
            A.Chain("js", "w"), [new Var("A", "Int32", "2"), new Var("B", "Int32", "40"), new Var("Sum", "Int32")]));

        Assert.Equal(42, run.Variable("Sum")!.GetValue<long>());
        Assert.Equal(["sum=42"], run.Lines);
    }

    [Fact]
    public async Task RunJavaScript_WritesResultToWorkflowOutput_WhenBoundToAnOutputName()
    {
        // ParentChildOutputMapping/sum.json binds the result to the workflow output "Result".
        var run = await WorkflowHarness.RunAsync(
            WorkflowJson.Flowchart([A.RunJs("js", "return { total: getInput('X') * 2 };", resultTarget: "Result")]),
            new StartWorkflowRequest { Input = new Dictionary<string, JsonNode?> { ["X"] = 21 } });

        Assert.Equal(42, run.State.Output["Result"]!["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task RunJavaScript_ReadsWorkflowInput_ThroughGetterNamedAfterInput()
    {
        var run = await WorkflowHarness.RunAsync(
            WorkflowJson.Flowchart([A.WriteLine("w", E.Js("getMessage() + '!'", "String"))]),
            new StartWorkflowRequest { Input = new Dictionary<string, JsonNode?> { ["Message"] = "你好" } });

        Assert.Equal(["你好!"], run.Lines);
    }

    [Fact]
    public async Task RunJavaScript_SetsVariable_ThroughSetterNamedAfterVariable()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.RunJs("js", "setCounter('7'); setVariable('Name', 'x');")], variables: [new Var("Counter", "Int32", "0"), new Var("Name", "String")]));

        Assert.Equal(7, run.Variable("Counter")!.GetValue<long>());
        Assert.Equal("x", run.Variable("Name")!.GetValue<string>());
    }

    [Fact]
    public async Task RunJavaScript_Faults_WhenScriptThrows()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart([A.RunJs("js", "throw new Error('kaputt')")]));

        Assert.Equal(WorkflowSubStatus.Faulted, run.SubStatus);
        Assert.Contains("kaputt", Assert.Single(run.State.Incidents).Message);
    }
}
