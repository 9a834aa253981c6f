using Bishan.Workflow.Cases.Access;

namespace Bishan.Workflow.Web.Ui;

/// <summary>
/// The signed-in person of a Blazor circuit, as the use cases see them: a snapshot of the cookie's claims (id, login,
/// roles) and the org unit read from the user row when the circuit first sends a use case.
/// </summary>
internal sealed record CircuitUser(string? UserId, string? UserName, IReadOnlyCollection<string> Roles, string? OrgUnitId, string? IpAddress)
    : ICurrentUser;
