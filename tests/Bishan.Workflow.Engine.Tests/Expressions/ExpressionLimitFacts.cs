using System.Globalization;
using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Expressions;
using Bishan.Workflow.Engine.Tests.Support;

namespace Bishan.Workflow.Engine.Tests.Expressions;

/// <summary>
/// Issue 13: hostile expressions fault their instance with an incident naming the limit they reached, whatever built-in
/// they hide the work in. The figures (time to fault, memory) are measured by hand, not asserted here.
/// </summary>
public sealed class ExpressionLimitFacts
{
    private static async Task<Incident> FaultOfAsync(JsonObject expression, ExpressionLimits? limits = null)
    {
        var run = await new WorkflowHarness(WorkflowJson.Flowchart([A.WriteLine("w", expression), A.WriteLine("after", "after")], A.Chain("w", "after")),
            limits: limits).StartAsync();

        Assert.Equal(WorkflowSubStatus.Faulted, run.SubStatus);
        Assert.Empty(run.Lines);
        return Assert.Single(run.State.Incidents);
    }

    // A loaded machine must not turn the limit under test into the time limit: time is far away unless a test says otherwise.
    private static readonly ExpressionLimits FarDeadline = new() { Timeout = TimeSpan.FromSeconds(60) };

    private static async Task<Incident> FaultInEnglishAsync(JsonObject expression, ExpressionLimits? limits = null)
    {
        limits ??= FarDeadline;
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            return await FaultOfAsync(expression, limits);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task LiquidRangeOfAHundredMillion_FaultsAtTheIterationLimit()
    {
        var incident = await FaultInEnglishAsync(E.Liquid("{% for i in (1..100000000) %}xxxxxxxxxx{% endfor %}"));

        Assert.Equal("ExpressionLimit.Iterations", incident.Code);
        Assert.Contains("Liquid stopped at the iteration limit", incident.Message);
        Assert.Contains("Workflows:Expressions:MaxIterations", incident.Message);
    }

    [Fact]
    public async Task LiquidNestedLoops_FaultAtTheIterationLimit_WhenEachRangeIsSmall()
    {
        var incident = await FaultInEnglishAsync(E.Liquid("{% for i in (1..1000) %}{% for j in (1..1000) %}x{% endfor %}{% endfor %}"));

        Assert.Equal("ExpressionLimit.Iterations", incident.Code);
    }

    [Fact]
    public async Task LiquidOutput_FaultsAtTheOutputLimit_WhenTheLoopsAreAllowed()
    {
        var incident = await FaultInEnglishAsync(E.Liquid("{% for i in (1..1000) %}xxxxxxxxxx{% endfor %}"), FarDeadline with { MaxOutputLength = 5_000 });

        Assert.Equal("ExpressionLimit.Output", incident.Code);
        Assert.Contains("longer than 5,000 characters", incident.Message);
    }

    [Fact]
    public async Task LiquidDoublingAVariable_FaultsAtTheOutputLimit()
    {
        var incident = await FaultInEnglishAsync(E.Liquid("{% assign s = 'x' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}"));

        Assert.Equal("ExpressionLimit.Output", incident.Code);
    }

    [Fact]
    public async Task LiquidWithinLimits_StillRenders()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart([A.WriteLine("w", E.Liquid("{% for i in (1..3) %}{{ i }}{% endfor %}"))]));

        Assert.Equal(["123"], run.Lines);
    }

    [Fact]
    public async Task JsonStringifyOfASelfRepeatingGraph_FaultsAtTheOutputLimit()
    {
        var incident = await FaultInEnglishAsync(E.Js("var o={};for(var i=0;i<25;i++){o=[o,o]}return JSON.stringify(o).length;", "String"));

        Assert.Equal("ExpressionLimit.Output", incident.Code);
        Assert.Contains("JavaScript stopped at the output size limit", incident.Message);
    }

    [Fact]
    public async Task CatastrophicRegex_FaultsAtTheRegexLimit_BeforeTheTimeLimit()
    {
        // The time limit is far away, so only the regex timeout (at most 1 s) can stop the match.
        var incident = await FaultInEnglishAsync(E.Js("return /^(a+)+$/.test('a'.repeat(40)+'b');", "String"),
            FarDeadline);

        Assert.Equal("ExpressionLimit.Regex", incident.Code);
        Assert.Contains("regular expression time limit", incident.Message);
    }

    [Fact]
    public void RegexTimeout_IsAtMostOneSecond_WhateverTheSettingSays()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), new ExpressionLimits { RegexTimeout = TimeSpan.FromMinutes(5) }.EffectiveRegexTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), new ExpressionLimits { RegexTimeout = TimeSpan.Zero }.EffectiveRegexTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(200), new ExpressionLimits { RegexTimeout = TimeSpan.FromMilliseconds(200) }.EffectiveRegexTimeout);
    }

    [Theory]
    [InlineData("return 'x'.repeat(300000000).length;")]
    [InlineData("return 'x'.padEnd(300000000).length;")]
    [InlineData("var s='x'.repeat(100000); return new Array(50000).fill(s).join(',').length;")]
    [InlineData("var s='x'.repeat(100000); return new Array(50000).fill(s).toString().length;")]
    [InlineData("return 'x'.repeat(100000).replaceAll('x', 'y'.repeat(1000)).length;")]
    [InlineData("return 'x'.repeat(100000).replace(/x/g, 'y'.repeat(1000)).length;")]
    [InlineData("var b='y'.repeat(900000); return 'x'.repeat(1000).replace(/x/g, function(){return b}).length;")]
    [InlineData("var b='y'.repeat(900000); return b.concat(b, b).length;")]
    public async Task StringBuildingBuiltIns_FaultAtTheOutputLimit(string script)
    {
        var incident = await FaultInEnglishAsync(E.Js(script, "String"));

        Assert.Equal("ExpressionLimit.Output", incident.Code);
    }

    [Fact]
    public async Task StringBuildingBuiltIns_StillWork_WithinTheLimit()
    {
        const string script = "return JSON.stringify({a:[1,'x'.repeat(3)]}) + 'ab'.repeat(2) + '1'.padStart(3,'0') + [1,2].join('-') + 'aXa'.replaceAll('a','b') + 'aXa'.replace(/a/g, function(m){return m+m}) + 'a'.concat('b');";

        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart([A.WriteLine("w", E.Js(script, "String"))]));

        Assert.Equal(["{\"a\":[1,\"xxx\"]}abab0011-2bXbaaXaaab"], run.Lines);
    }

    [Fact]
    public async Task BinaryBuffers_AreNotAvailable()
    {
        var run = await WorkflowHarness.RunAsync(WorkflowJson.Flowchart([A.WriteLine("w", E.Js("return [typeof ArrayBuffer, typeof Uint8Array, typeof SharedArrayBuffer].join(',');", "String"))]));

        Assert.Equal(["undefined,undefined,undefined"], run.Lines);
    }

    [Fact]
    public async Task StatementLimit_IsNamed()
    {
        var incident = await FaultInEnglishAsync(E.Js("var n = 0; while (true) { n++; }", "String"),
            new ExpressionLimits { MaxStatements = 1_000, Timeout = TimeSpan.FromSeconds(60) });

        Assert.Equal("ExpressionLimit.Statements", incident.Code);
        Assert.Contains("more than 1,000 statements", incident.Message);
    }

    [Fact]
    public async Task MemoryLimit_IsNamed()
    {
        var incident = await FaultInEnglishAsync(E.Js("let a = []; while (true) a.push({ big: 'x'.repeat(1000) });", "String"),
            new ExpressionLimits { Timeout = TimeSpan.FromSeconds(60), MaxStatements = 0, MemoryLimitBytes = 4 * 1024 * 1024 });

        Assert.Equal("ExpressionLimit.Memory", incident.Code);
    }

    [Fact]
    public async Task LimitMessage_IsInChinese_ForAChineseReader()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            var incident = await FaultOfAsync(E.Liquid("{% for i in (1..100000000) %}xxxxxxxxxx{% endfor %}"));

            Assert.Equal("Liquid 表达式超过循环次数上限，已终止：循环将执行超过 100,000 次（设置项 Workflows:Expressions:MaxIterations）。", incident.Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
