using Bishan.Workflow.Cases.Common;

namespace Bishan.Workflow.Web.Ui;

/// <summary>The use cases' refusals as the pages show them (the API maps the same exceptions to 400/403/404/409).</summary>
public static class UseCaseErrors
{
    /// <summary>True for the exceptions a use case throws on purpose; anything else is a bug and is left to the circuit's error UI.</summary>
    public static bool IsExpected(Exception ex) =>
        ex is InvalidInputException or ForbiddenException or NotFoundException or ConflictException;

    /// <summary>Field errors of a refused input; empty for other refusals.</summary>
    public static IReadOnlyDictionary<string, string[]> FieldErrors(Exception ex) =>
        ex is InvalidInputException invalid ? invalid.Errors : new Dictionary<string, string[]>();
}
