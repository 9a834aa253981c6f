using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Expressions;

namespace Bishan.Workflow.Engine.Activities.Flow;

/// <summary>
/// Runs branches in parallel. With activity branches it completes when all finish (WaitAll) or at the first
/// (WaitAny, cancelling the rest); with a list of branch names it completes with every name as an outcome,
/// like Elsa's FlowFork, so each named port fires.
/// </summary>
[Activity("Elsa.Fork", "Flow")]
[Input("branches", "String[]", UiHint = UiHints.OutcomeList)]
[Input("joinMode", "ForkJoinMode", UiHint = UiHints.Dropdown, Options = ["WaitAll", "WaitAny"], DefaultValue = "WaitAll")]
public sealed class Fork : CompositeActivity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        if (context.Node.Slots.TryGetValue("branches", out var branches))
        {
            foreach (var branch in branches) context.ScheduleChild(branch);
            if (branches.Count == 0) context.Complete();
            return ValueTask.CompletedTask;
        }
        var names = context.Evaluate("branches") switch
        {
            JsonArray arr => arr.Select(ValueConverter.ToText).OfType<string>().ToList(),
            JsonValue v when ValueConverter.ToText(v) is { } s => s.Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            _ => [],
        };
        context.CompleteWith(names.Count > 0 ? names : ["Done"]);
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ChildCompletion child)
    {
        if (string.Equals(context.EvaluateString("joinMode"), "WaitAny", StringComparison.OrdinalIgnoreCase))
        {
            context.CancelAllChildren();
            context.Complete();
        }
        else if (!context.HasPendingChildren())
        {
            context.Complete();
        }
        return ValueTask.CompletedTask;
    }
}
