namespace Bishan.Workflow.Engine.Validation;

/// <summary>
/// One problem with a definition; <see cref="ActivityId"/> is null for document-level problems, <see cref="Field"/> names
/// the JSON property at fault where there is one (<c>definitionId</c>, <c>activities</c>, <c>variables</c>, an input name).
/// </summary>
public sealed record ValidationError(string? ActivityId, string Message, string? Field = null);
