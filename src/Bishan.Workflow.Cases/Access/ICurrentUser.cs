namespace Bishan.Workflow.Cases.Access;

/// <summary>
/// The signed-in person a use case runs for: who they are, their roles, the org unit they belong to (their scope)
/// and where the request came from (for the audit log). The web host builds it from the claims and the user row.
/// </summary>
public interface ICurrentUser
{
    /// <summary>The Identity user id; <c>null</c> only for anonymous callers, which the endpoints do not admit.</summary>
    string? UserId { get; }

    /// <summary>The login name, as tasks are reassigned by it.</summary>
    string? UserName { get; }

    /// <summary>Role names from <see cref="Vocabulary.Roles"/>.</summary>
    IReadOnlyCollection<string> Roles { get; }

    /// <summary>The org unit the user belongs to; <c>null</c> for a user not yet placed in the organisation (sees only their own work).</summary>
    string? OrgUnitId { get; }

    /// <summary>The remote address of the request, recorded with every audit entry.</summary>
    string? IpAddress { get; }

    bool IsInRole(string role) => Roles.Contains(role, StringComparer.Ordinal);
}
