using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Engine.Activities.Scripting;

/// <summary>Runs a script; <c>setOutcome(name)</c> picks the port, the script's value is the <c>result</c> output.</summary>
[Activity("Elsa.RunJavaScript", "Scripting")]
[Input("script", "String", UiHint = UiHints.Code, Required = true, Kind = InputKind.Script)]
[Input("possibleOutcomes", "String[]", UiHint = UiHints.OutcomeList)]
[Output("result", "Object")]
public sealed class RunJavaScript : Activity, IOutcomeSource
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var script = context.Node.GetInput("script")?.Text;
        IReadOnlyList<string>? chosen = null;
        context.SetOutcomes = o => chosen = o;
        var result = string.IsNullOrWhiteSpace(script) ? null : context.Expressions.JavaScript.Evaluate(script, context);
        context.SetOutput("result", result);
        if (chosen is { Count: > 0 }) context.CompleteWith(chosen);
        else context.Complete();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Elsa draws the ports from <c>possibleOutcomes</c>. A script without that list may still call
    /// <c>setOutcome</c>, so its ports are unknown rather than just Done.
    /// </summary>
    public IReadOnlyList<string>? GetOutcomes(ActivityNode node)
    {
        var listed = OutcomePorts.DonePlusListed(node, "possibleOutcomes");
        if (listed is null || listed.Count > 1) return listed;
        var script = node.GetInput("script");
        var mayChoose = script is { HasExpression: true }
                        && (script.ExpressionType != "Literal" || script.Text?.Contains("setOutcome", StringComparison.Ordinal) == true);
        return mayChoose ? null : listed;
    }
}
