namespace Bishan.Workflow.Infrastructure.Persistence.Identity;

/// <summary>
/// One refresh token of the API, stored only as its SHA-256 hash. Every token issued since one sign-in shares a
/// <see cref="FamilyId"/>: a refresh spends its token and adds the next one to the family; presenting a spent token
/// again means it was copied, so the whole family is revoked. Signing out revokes the family too.
/// </summary>
public sealed class RefreshTokenRecord
{
    public long Id { get; set; }

    /// <summary>The sign-in this token descends from (32 hex characters).</summary>
    public string FamilyId { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the token; the token itself is never stored.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>The user's security stamp when the token was issued: a new password or a lock ends the family.</summary>
    public string? SecurityStamp { get; set; }

    public DateTime IssuedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }

    /// <summary>When a refresh exchanged this token for the next one.</summary>
    public DateTime? SpentAtUtc { get; set; }

    /// <summary>When sign-out, a reuse or an administrator ended the family.</summary>
    public DateTime? RevokedAtUtc { get; set; }
}
