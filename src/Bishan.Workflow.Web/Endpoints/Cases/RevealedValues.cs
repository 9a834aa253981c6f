namespace Bishan.Workflow.Web.Endpoints.Cases;

/// <summary>
/// The answer of a phone reveal: <c>{"phone": "..."}</c>. A named type rather than an anonymous one, because the
/// request delegates are generated at compile time (they cannot name an anonymous type).
/// </summary>
internal sealed record RevealedPhone(string? Phone);

/// <summary>The answer of an ID-number reveal: <c>{"idNumber": "..."}</c>.</summary>
internal sealed record RevealedIdNumber(string? IdNumber);
