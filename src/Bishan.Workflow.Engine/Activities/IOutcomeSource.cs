using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Expressions;

namespace Bishan.Workflow.Engine.Activities;

/// <summary>
/// An activity whose outcome ports depend on its inputs (RunJavaScript's possible outcomes, an approval's
/// choices). The validator and the designer ask it instead of the static <see cref="ActivityAttribute.Outcomes"/>.
/// </summary>
public interface IOutcomeSource
{
    /// <summary>The ports this node can complete with, or null when they are only known at run time.</summary>
    IReadOnlyList<string>? GetOutcomes(ActivityNode node);
}

public static class OutcomePorts
{
    /// <summary>
    /// Done plus the names listed in a Literal input (a JSON array, or a comma- or line-separated string);
    /// null when the list is computed by an expression and so unknown before the run.
    /// </summary>
    public static IReadOnlyList<string>? DonePlusListed(ActivityNode node, string inputName)
    {
        var input = node.GetInput(inputName);
        if (input is null || !input.HasExpression || input.Value is null) return ["Done"];
        if (input.ExpressionType is not ("Literal" or "Object" or "Json")) return null;
        IEnumerable<string> names = input.Value switch
        {
            JsonArray arr => arr.Select(ValueConverter.ToText).OfType<string>(),
            JsonValue v when ValueConverter.ToText(v) is { } s => s.Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            _ => [],
        };
        return ["Done", .. names];
    }
}
