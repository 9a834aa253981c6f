using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Expressions;
using Bishan.Workflow.Engine.Tests.Support;

namespace Bishan.Workflow.Engine.Tests.Expressions;

/// <summary>Scripts are written by administrators in the designer: they must not hang, exhaust memory or reach the host.</summary>
public sealed class JavaScriptSandboxFacts
{
    private static async Task<WorkflowHarness> RunScriptAsync(string script, ExpressionLimits? options = null) =>
        await new WorkflowHarness(WorkflowJson.Flowchart([A.RunJs("js", script), A.WriteLine("after", "after")], A.Chain("js", "after")),
            limits: options).StartAsync();

    private static string FaultOf(WorkflowHarness run)
    {
        Assert.Equal(WorkflowSubStatus.Faulted, run.SubStatus);
        Assert.Empty(run.Lines);
        return Assert.Single(run.State.Incidents).Message;
    }

    [Fact]
    public async Task EndlessLoop_FaultsMentioningTimeLimit_WhenTimeRunsOut()
    {
        // Statements are unlimited here so that the wall-clock limit is what stops it.
        var run = await RunScriptAsync("while (true) { }", new ExpressionLimits { Timeout = TimeSpan.FromMilliseconds(200), MaxStatements = 0 });

        Assert.Contains("ran longer than 0.2 s", FaultOf(run));
        Assert.Equal("ExpressionLimit.Time", run.State.Incidents[0].Code);
    }

    [Fact]
    public async Task EndlessLoop_Faults_WithDefaultLimits()
    {
        var run = await RunScriptAsync("while (true) { }");

        Assert.StartsWith("JavaScript stopped at the", FaultOf(run));
    }

    [Theory]
    [InlineData("let a = []; while (true) a.push(new Array(1e6).join('x'));")]
    [InlineData("let s = 'x'; while (true) s = s + s;")]
    [InlineData("let a = []; while (true) a.push({ big: 'x'.repeat(1000) });")]
    public async Task MemoryBomb_Faults(string script)
    {
        var run = await RunScriptAsync(script);

        Assert.Contains("JavaScript", FaultOf(run));
    }

    [Fact]
    public async Task DeepRecursion_Faults()
    {
        var run = await RunScriptAsync("function f(n) { return f(n + 1) + 1; } f(0);");

        Assert.StartsWith("JavaScript stopped at the recursion limit", FaultOf(run));
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("importNamespace('System.IO').File.ReadAllText('/etc/passwd')")]
    [InlineData("this.constructor.constructor('return process')().exit()")]
    [InlineData("Function('return process')().env")]
    [InlineData("require('fs')")]
    public async Task HostAccess_Faults(string script)
    {
        var run = await RunScriptAsync(script);

        Assert.Contains("JavaScript error", FaultOf(run));
    }

    [Fact]
    public async Task Globals_ExposeNoClrBridge()
    {
        const string script = "[typeof System, typeof importNamespace, typeof clr, typeof host, typeof process, typeof require].join(',')";

        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart([A.WriteLine("w", E.Js(script, "String"))]));

        Assert.Equal(["undefined,undefined,undefined,undefined,undefined,undefined"], run.Lines);
    }

    [Fact]
    public async Task Script_RunsInStrictMode()
    {
        var run = await RunScriptAsync("undeclared = 1;");

        Assert.Contains("JavaScript error", FaultOf(run));
    }

    [Fact]
    public async Task Script_CannotChangeVariablesThroughTheVariablesSnapshot()
    {
        // 'variables' is a copy for reading; only setters change workflow state.
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart(
            [A.RunJs("js", "variables.Name = 'hacked';"), A.WriteLine("w", E.Js("getName()", "String"))],
            A.Chain("js", "w"), [new Var("Name", "String", "original")]));

        Assert.Equal(["original"], run.Lines);
    }
}
