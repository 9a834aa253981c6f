namespace Bishan.Workflow.Engine.Expressions;

/// <summary>Which limit of <see cref="ExpressionLimits"/> stopped an expression; the incident's code is <c>ExpressionLimit.{name}</c>.</summary>
public enum ExpressionLimit
{
    Time,
    Memory,
    Output,
    Iterations,
    Statements,
    Recursion,
    Regex,
}
