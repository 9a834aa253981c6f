namespace Bishan.Workflow.Engine.Expressions;

/// <summary>An expression failed to parse or to evaluate; the message is shown to the user as is.</summary>
public sealed class ExpressionException(string message, Exception? inner = null) : Exception(message, inner);
