namespace Bishan.Workflow.Engine.Expressions;

/// <summary>An expression failed to parse or to evaluate; the message is shown to the user as is.</summary>
public class ExpressionException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>A code for the incident, null for an ordinary script error.</summary>
    public virtual string? Code => null;
}
