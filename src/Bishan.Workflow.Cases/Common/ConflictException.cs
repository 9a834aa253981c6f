namespace Bishan.Workflow.Cases.Common;

/// <summary>The request does not fit the current state (API: 409), e.g. a likely duplicate or a task already completed.</summary>
/// <param name="message">What conflicts, for the problem's detail.</param>
/// <param name="extensions">Extra members of the problem body, such as the duplicate <c>candidates</c>.</param>
public sealed class ConflictException(string message, IReadOnlyDictionary<string, object?>? extensions = null) : Exception(message)
{
    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();
}
