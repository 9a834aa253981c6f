namespace Bishan.Workflow.Engine.Validation;

/// <summary>
/// The host's wording of the validator's messages in the reader's language. The engine knows no resources: it names each
/// problem by a code with its arguments and keeps its English text when the host has no wording (returns null).
/// </summary>
public interface IValidationMessages
{
    string? Format(string code, IReadOnlyList<object?> args);
}
