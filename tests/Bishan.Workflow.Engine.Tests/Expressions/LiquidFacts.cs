using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Expressions;
using Bishan.Workflow.Engine.Tests.Support;

namespace Bishan.Workflow.Engine.Tests.Expressions;

public sealed class LiquidFacts
{
    [Theory]
    [InlineData("Hello {{ Variables.Name }}", "Hello 赵六")]
    [InlineData("Hello {{ Name }}", "Hello 赵六")]
    [InlineData("{{ Variables.Name | size }}", "2")]
    [InlineData("{% if Variables.Count > 1 %}many{% else %}one{% endif %}", "many")]
    [InlineData("{{ Variables.Case.tier }}级", "2级")]
    public async Task Liquid_RendersVariables(string template, string expected)
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.WriteLine("w", E.Liquid(template))],
            variables: [new Var("Name", "String", "赵六"), new Var("Count", "Int32", "3"), new Var("Case", "Object", "{\"tier\":2}")]));

        Assert.Equal([expected], run.Lines);
    }

    [Fact]
    public void HostFilters_ApplyToTheValue_AndOtherEvaluatorsDoNotHaveThem()
    {
        var scope = new Scope(new() { ["tier"] = "Severe" });
        var shout = new LiquidFilter("shout", text => text.ToUpperInvariant() + "!");

        Assert.Equal("SEVERE!", new LiquidEvaluator([shout]).Render("{{ tier | shout }}", scope));
        // Fluid leaves a value alone when it does not know the filter.
        Assert.Equal("Severe", new LiquidEvaluator().Render("{{ tier | shout }}", scope));
    }

    private sealed class Scope(Dictionary<string, JsonNode?> variables) : IExpressionScope
    {
        public string InstanceId => "i-1";
        public string? CorrelationId => null;
        public IEnumerable<string> VariableNames => variables.Keys;
        public JsonNode? GetVariable(string name) => variables.GetValueOrDefault(name);
        public void SetVariable(string name, JsonNode? value) => variables[name] = value;
        public IReadOnlyDictionary<string, JsonNode?> WorkflowInput { get; } = new Dictionary<string, JsonNode?>();
    }

    [Fact]
    public async Task Liquid_RendersWorkflowInput()
    {
        var run = await WorkflowHarness.RunAsync(
            WorkflowJson.Flowchart([A.WriteLine("w", E.Liquid("ref {{ Input.CaseNo }}"))]),
            new StartWorkflowRequest { Input = new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["CaseNo"] = "BS-2026-001" } });

        Assert.Equal(["ref BS-2026-001"], run.Lines);
    }

    [Fact]
    public async Task Liquid_Faults_WhenTemplateDoesNotParse()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart([A.WriteLine("w", E.Liquid("{% if %}"))]));

        Assert.Equal(WorkflowSubStatus.Faulted, run.SubStatus);
        Assert.Contains("Liquid syntax error", Assert.Single(run.State.Incidents).Message);
    }

    [Fact]
    public async Task Liquid_Faults_WhenTemplateLoopsTooLong()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.WriteLine("w", E.Liquid("{% for i in (1..1000000) %}x{% endfor %}"))]));

        Assert.Equal(WorkflowSubStatus.Faulted, run.SubStatus);
    }
}
