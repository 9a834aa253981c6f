namespace Bishan.Workflow.Engine.Validation;

/// <summary>One problem with a definition; <see cref="ActivityId"/> is null for document-level problems.</summary>
public sealed record ValidationError(string? ActivityId, string Message);
