namespace Bishan.Workflow.Cases.Common;

/// <summary>The input is not acceptable (API: 400 with <c>errors: { field: [messages] }</c>, the shape of ASP.NET Core's validation problems).</summary>
public sealed class InvalidInputException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static InvalidInputException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
