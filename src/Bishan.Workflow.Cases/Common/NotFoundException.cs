namespace Bishan.Workflow.Cases.Common;

/// <summary>The thing asked for does not exist (API: 404). Thrown only after the caller's scope allows knowing that.</summary>
public sealed class NotFoundException(string message) : Exception(message);
