using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Descriptors;
using Bishan.Workflow.Engine.Tests.Support;
using Bishan.Workflow.Engine.Validation;

namespace Bishan.Workflow.Engine.Tests.Validation;

public sealed class WorkflowValidatorFacts
{
    private static readonly WorkflowValidator Validator = new(ActivityRegistry.CreateDefault());

    private static IReadOnlyList<ValidationError> Validate(IEnumerable<JsonObject> activities, IEnumerable<JsonObject>? connections = null, IEnumerable<Var>? variables = null) =>
        Validator.Validate(WorkflowJson.Parse(WorkflowJson.Flowchart(activities, connections, variables)));

    private static ValidationError SingleError(IEnumerable<JsonObject> activities, IEnumerable<JsonObject>? connections = null, IEnumerable<Var>? variables = null) =>
        Assert.Single(Validate(activities, connections, variables));

    [Fact]
    public void Validate_ReturnsNoError_WhenDefinitionIsWellFormed()
    {
        var errors = Validate(
            [A.Start(), A.Decision("d", "getCounter() > 1"), A.WriteLine("yes", E.Liquid("{{ Variables.Counter }}")), A.Delay("wait", "00:05:00")],
            [A.Connect("start", "d"), A.Connect("d", "yes", "True"), A.Connect("d", "wait", "False")],
            [new Var("Counter", "Int32", "0")]);

        Assert.Empty(errors);
    }

    /// <summary>A host's rule the engine cannot know: WriteLine may not shout.</summary>
    private sealed class NoShouting : IActivityValidator
    {
        public List<string> Seen { get; } = [];

        public IEnumerable<ValidationError> Validate(Definitions.ActivityNode node, ActivityDescriptor descriptor)
        {
            Seen.Add($"{node.Id}:{descriptor.Type}");
            if (node.Type == "Elsa.WriteLine" && node.GetProperty("text")?["expression"]?["value"]?.GetValue<string>() is { } text && text.EndsWith('!'))
                yield return new ValidationError(node.Id, "No shouting.");
        }
    }

    [Fact]
    public void Validate_ListsTheErrorsOfInjectedActivityValidators_WithTheEnginesOwn_OnTheirActivity()
    {
        var host = new NoShouting();
        var validator = new WorkflowValidator(ActivityRegistry.CreateDefault(), [host]);

        var errors = validator.Validate(WorkflowJson.Parse(WorkflowJson.Flowchart(
            [A.Start(), A.WriteLine("calm", "Hello."), A.WriteLine("loud", "Hello!"), A.Of("Acme.Teleport", "t"), A.Delay("wait", "soon")],
            [A.Connect("start", "calm"), A.Connect("calm", "loud"), A.Connect("loud", "wait")])));

        // In document order: the host's error on "loud", then the engine's own on "wait" (not a duration).
        Assert.Equal(["loud", "wait"], errors.Where(e => e.ActivityId is "loud" or "wait").Select(e => e.ActivityId));
        Assert.Equal("No shouting.", Assert.Single(errors, e => e.ActivityId == "loud").Message);
        Assert.Contains(errors, e => e.ActivityId == "t" && e.Message.Contains("Unknown activity type"));
        // Activities of unknown types are not handed to host validators: there is no descriptor to read.
        Assert.DoesNotContain(host.Seen, s => s.StartsWith("t:", StringComparison.Ordinal));
        Assert.Contains("calm:Elsa.WriteLine", host.Seen);
        Assert.Empty(Validator.Validate(WorkflowJson.Parse(WorkflowJson.Flowchart([A.WriteLine("loud", "Hello!")]))));
    }

    [Fact]
    public void Validate_ReportsUnknownType_WhenRegistryDoesNotKnowIt()
    {
        var error = SingleError([A.Of("Acme.Teleport", "t")]);

        Assert.Equal("t", error.ActivityId);
        Assert.Contains("Acme.Teleport", error.Message);
    }

    [Fact]
    public void Validate_DoesNotReportPorts_WhenSourceTypeIsUnknown()
    {
        // The unknown type is the one error; its ports cannot be judged.
        var error = SingleError([A.Of("Acme.Teleport", "t"), A.WriteLine("b", "B")], [A.Connect("t", "b", "Beamed")]);

        Assert.Contains("Unknown activity type", error.Message);
    }

    [Fact]
    public void Validate_ReportsDuplicateId_WhenTwoActivitiesInOneFlowchartShareIt()
    {
        var error = SingleError([A.WriteLine("a", "1"), A.WriteLine("a", "2")]);

        Assert.Equal("a", error.ActivityId);
        Assert.Contains("used by 2 activities", error.Message);
    }

    [Fact]
    public void Validate_AcceptsSameId_WhenActivitiesAreInDifferentFlowcharts()
    {
        var nested = A.Flowchart("inner", [A.WriteLine("a", "inner")]);

        Assert.Empty(Validate([A.WriteLine("a", "outer"), A.FlowNode("node", nested)], [A.Connect("a", "node")]));
    }

    [Fact]
    public void Validate_ReportsMissingSource_WhenConnectionStartsAtUnknownActivity()
    {
        var error = SingleError([A.Start(), A.WriteLine("b", "B")], [A.Connect("start", "b"), A.Connect("ghost", "b")]);

        Assert.Equal(WorkflowJson.RootId, error.ActivityId);
        Assert.Contains("source activity 'ghost' does not exist", error.Message);
    }

    [Fact]
    public void Validate_ReportsMissingTarget_WhenConnectionEndsAtUnknownActivity()
    {
        var error = SingleError([A.Start()], [A.Connect("start", "ghost")]);

        Assert.Equal("start", error.ActivityId);
        Assert.Contains("target activity 'ghost' does not exist", error.Message);
    }

    [Fact]
    public void Validate_ReportsPort_WhenSourcePortIsNotAnOutcome()
    {
        var error = SingleError([A.Start(), A.WriteLine("b", "B")], [A.Connect("start", "b", "Maybe")]);

        Assert.Equal("start", error.ActivityId);
        Assert.Contains("'Maybe' is not an outcome of 'Elsa.Start'", error.Message);
    }

    [Fact]
    public void Validate_ReportsPort_WhenDecisionIsConnectedFromDone()
    {
        var error = SingleError([A.Decision("d", "true"), A.WriteLine("b", "B")], [A.Connect("d", "b")]);

        Assert.Contains("True, False", error.Message);
    }

    [Fact]
    public void Validate_ReportsTargetPort_WhenItIsNotIn()
    {
        var connection = A.Connect("start", "b");
        connection["target"]!["port"] = "Side";

        var error = SingleError([A.Start(), A.WriteLine("b", "B")], [connection]);

        Assert.Contains("target port must be 'In'", error.Message);
    }

    [Fact]
    public void Validate_AcceptsListedOutcomes_WhenRunJavaScriptDeclaresThem()
    {
        var errors = Validate(
            [A.RunJs("js", "setOutcome('Left')", ["Left", "Right"]), A.WriteLine("l", "L"), A.WriteLine("r", "R"), A.WriteLine("d", "D")],
            [A.Connect("js", "l", "Left"), A.Connect("js", "r", "Right"), A.Connect("js", "d")]);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_ReportsPort_WhenRunJavaScriptDoesNotListIt()
    {
        var error = SingleError([A.RunJs("js", "1", ["Left"]), A.WriteLine("r", "R")], [A.Connect("js", "r", "Right")]);

        Assert.Contains("'Right' is not an outcome", error.Message);
    }

    [Fact]
    public void Validate_AcceptsAnyPort_WhenScriptChoosesOutcomeWithoutList()
    {
        Assert.Empty(Validate([A.RunJs("js", "setOutcome('Odd')"), A.WriteLine("o", "O")], [A.Connect("js", "o", "Odd")]));
    }

    [Fact]
    public void Validate_AcceptsBranchPorts_WhenForkNamesThem()
    {
        Assert.Empty(Validate(
            [A.Fork("fork", "Left", "Right"), A.WriteLine("l", "L"), A.WriteLine("r", "R")],
            [A.Connect("fork", "l", "Left"), A.Connect("fork", "r", "Right")]));
    }

    [Fact]
    public void Validate_AcceptsAnyPort_WhenForkBranchesAreComputed()
    {
        var fork = A.Of("Elsa.Fork", "fork", ("branches", E.Js("['A', 'B']", "String[]")));

        Assert.Empty(Validate([fork, A.WriteLine("a", "A")], [A.Connect("fork", "a", "A")]));
    }

    [Fact]
    public void Validate_ReportsPort_WhenTerminalActivityHasOutboundConnection()
    {
        var error = SingleError([A.Start(), A.End(), A.WriteLine("after", "never")], [A.Connect("start", "end"), A.Connect("end", "after")]);

        Assert.Equal("end", error.ActivityId);
        Assert.Contains("no outcome ports", error.Message);
    }

    [Fact]
    public void Validate_ReportsNoStart_WhenEveryActivityIsOnACycle()
    {
        var error = SingleError([A.WriteLine("a", "A"), A.WriteLine("b", "B")], [A.Connect("a", "b"), A.Connect("b", "a")]);

        Assert.Equal(WorkflowJson.RootId, error.ActivityId);
        Assert.Contains("no activity to start from", error.Message);
    }

    [Fact]
    public void Validate_AcceptsCycle_WhenOneActivityCanStartTheWorkflow()
    {
        Assert.Empty(Validate([A.WriteLine("a", "A").CanStart(), A.WriteLine("b", "B")], [A.Connect("a", "b"), A.Connect("b", "a")]));
    }

    [Fact]
    public void Validate_AcceptsFlowchart_WhenItHasNoConnections()
    {
        Assert.Empty(Validate([A.WriteLine("a", "A"), A.WriteLine("b", "B")]));
    }

    [Theory]
    [InlineData("Elsa.FlowDecision", "condition")]
    [InlineData("Elsa.Delay", "timeSpan")]
    [InlineData("Elsa.Timer", "interval")]
    [InlineData("Elsa.Cron", "cronExpression")]
    [InlineData("Elsa.Event", "eventName")]
    [InlineData("Elsa.RunJavaScript", "script")]
    [InlineData("Elsa.SetOutput", "outputName")]
    [InlineData("Elsa.SetVariable", "variable")]
    [InlineData("Elsa.StartAt", "dateTime")]
    public void Validate_ReportsRequiredInput_WhenItIsMissing(string type, string input)
    {
        var error = SingleError([A.Of(type, "x")]);

        Assert.Equal("x", error.ActivityId);
        Assert.Equal($"The required input '{input}' has no value.", error.Message);
    }

    [Fact]
    public void Validate_ReportsRequiredInput_WhenItHasTypeButNoExpression()
    {
        var error = SingleError([A.Of("Elsa.Event", "x", ("eventName", new JsonObject { ["typeName"] = "String" }))]);

        Assert.Contains("'eventName' has no value", error.Message);
    }

    [Fact]
    public void Validate_ReportsRequiredInput_WhenLiteralIsBlank()
    {
        var error = SingleError([A.Event("x", "  ")]);

        Assert.Contains("'eventName' has no value", error.Message);
    }

    [Fact]
    public void Validate_AcceptsSetVariable_WhenVariableIsPlainObject()
    {
        // Elsa writes the variable itself, not an input: {id, name, typeName, value, storageDriverTypeName}.
        var set = A.SetVariable("set", "Counter", E.Literal("1", "Object"));
        set["variable"] = new JsonObject { ["id"] = "Counter", ["name"] = "Counter", ["typeName"] = "Int32", ["value"] = "0" };

        Assert.Empty(Validate([set], variables: [new Var("Counter", "Int32", "0")]));
    }

    [Fact]
    public void Validate_ReportsUndeclaredVariable_WhenSetVariableNamesAnUnknownOne()
    {
        var error = SingleError([A.SetVariable("set", "Nope", E.Literal("1"))]);

        Assert.Contains("'Nope' is not declared", error.Message);
    }

    [Fact]
    public void Validate_ReportsJavaScriptSyntax_WhenExpressionDoesNotParse()
    {
        var error = SingleError([A.Decision("d", "getCounter( >")], variables: [new Var("Counter")]);

        Assert.Equal("d", error.ActivityId);
        Assert.StartsWith("Input 'condition': JavaScript syntax error", error.Message);
    }

    [Fact]
    public void Validate_AcceptsTopLevelReturn_WhenScriptIsElsaStyle()
    {
        Assert.Empty(Validate([A.Decision("d", "return false;")]));
    }

    [Fact]
    public void Validate_ReportsJavaScriptSyntax_WhenRunJavaScriptLiteralScriptDoesNotParse()
    {
        var error = SingleError([A.RunJs("js", "let x = ;")]);

        Assert.StartsWith("Input 'script': JavaScript syntax error", error.Message);
    }

    [Fact]
    public void Validate_ReportsJavaScriptSyntax_WhenAnUndescribedInputHoldsBadScript()
    {
        // Inputs this runtime does not describe are kept on export, so their expressions are checked too.
        var error = SingleError([A.Of("Elsa.WriteLine", "w", ("text", E.Literal("ok")), ("extra", E.Js("}{")))]);

        Assert.StartsWith("Input 'extra': JavaScript syntax error", error.Message);
    }

    [Fact]
    public void Validate_ReportsLiquidSyntax_WhenTemplateDoesNotParse()
    {
        var error = SingleError([A.WriteLine("w", E.Liquid("Hello {{ Variables.Name "))]);

        Assert.StartsWith("Input 'text': Liquid syntax error", error.Message);
    }

    [Fact]
    public void Validate_ReportsExpressionType_WhenItIsNotSupported()
    {
        var text = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "CSharp", ["value"] = "1" } };

        var error = SingleError([A.WriteLine("w", text)]);

        Assert.Contains("'CSharp' is not supported", error.Message);
    }

    [Theory]
    [InlineData("0 0 * * * *")]
    [InlineData("0 0 9 * * MON")]
    [InlineData("*/5 * * * *")]
    public void Validate_AcceptsCron_WhenExpressionParses(string expression)
    {
        Assert.Empty(Validate([A.Cron("c", expression)]));
    }

    [Theory]
    [InlineData("0 0 25 * * *")]
    [InlineData("every monday")]
    public void Validate_ReportsCron_WhenExpressionDoesNotParse(string expression)
    {
        var error = SingleError([A.Cron("c", expression)]);

        Assert.Equal("c", error.ActivityId);
        Assert.StartsWith("Error when parsing cron expression: ", error.Message);
    }

    [Fact]
    public void Validate_SkipsCron_WhenExpressionIsComputed()
    {
        Assert.Empty(Validate([A.Of("Elsa.Cron", "c", ("cronExpression", E.Js("'0 0 * * * *'", "String")))]));
    }

    [Theory]
    [InlineData("Elsa.Delay", "timeSpan")]
    [InlineData("Elsa.Timer", "interval")]
    public void Validate_ReportsDuration_WhenLiteralDoesNotParse(string type, string input)
    {
        var error = SingleError([A.Of(type, "t", (input, E.Literal("five minutes", "TimeSpan")))]);

        Assert.Contains($"'five minutes' is not a duration", error.Message);
    }

    [Theory]
    [InlineData("00:00:05")]
    [InlineData("PT5M")]
    [InlineData("1.00:00:00")]
    public void Validate_AcceptsDuration_WhenLiteralParses(string value)
    {
        Assert.Empty(Validate([A.Delay("t", value)]));
    }

    [Fact]
    public void Validate_ReportsStartAt_WhenDateDoesNotParse()
    {
        var error = SingleError([A.StartAt("s", "next tuesday")]);

        Assert.Contains("is not a date and time", error.Message);
    }

    [Fact]
    public void Validate_ReportsOption_WhenJoinModeIsNotKnown()
    {
        var error = SingleError([A.Join("j", "WaitSome")]);

        Assert.Contains("'WaitSome' is not one of WaitAny, WaitAll, WaitAllActive", error.Message);
    }

    [Fact]
    public void Validate_ChecksNestedFlowcharts_WhenTheyHideErrors()
    {
        var nested = A.Flowchart("inner", [A.WriteLine("a", "A")], [A.Connect("a", "ghost")]);

        var error = SingleError([A.FlowNode("node", nested)]);

        Assert.Equal("a", error.ActivityId);
    }
}
