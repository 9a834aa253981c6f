using System.Security.Claims;
using System.Security.Cryptography;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bishan.Workflow.Web.Auth.Tokens;

/// <summary>
/// Access and refresh tokens of the API. The access token is the bearer handler's own (protected ticket, one hour by
/// default); the refresh token is a random opaque string stored only as a hash, one row per token, grouped by the
/// sign-in it descends from (the family). A refresh spends its token and issues the next one; a spent token presented
/// again revokes the whole family (whoever copied it and whoever holds the newest token both lose access).
/// </summary>
internal sealed class ApiTokens(
    IDbContextFactory<BishanDbContext> dbs,
    SignInManager<AppUser> signIn,
    IOptionsMonitor<BearerTokenOptions> bearerOptions,
    TimeProvider time)
{
    /// <summary>The family of the sign-in an access token belongs to; sign-out reads it from the caller's token.</summary>
    public const string FamilyClaim = "bishan:token_family";

    private BearerTokenOptions Options => bearerOptions.Get(IdentityConstants.BearerScheme);

    /// <summary>A new family for a password sign-in.</summary>
    public async Task<AccessTokenResponse> IssueAsync(AppUser user, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        // Expired rows of this user go as they come by: nothing else needs them.
        await db.RefreshTokens.Where(t => t.UserId == user.Id && t.ExpiresAtUtc < now).ExecuteDeleteAsync(ct);
        return await IssueAsync(db, user, Guid.NewGuid().ToString("N"), ct);
    }

    /// <summary>The next pair for a refresh token, or null (and the family revoked when the token was already spent).</summary>
    public async Task<AccessTokenResponse?> RefreshAsync(string? refreshToken, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(refreshToken) || refreshToken.Length > 200) return null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var hash = Hash(refreshToken);
        var record = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (record is null || record.RevokedAtUtc is not null) return null;
        var now = time.GetUtcNow().UtcDateTime;
        if (record.SpentAtUtc is not null)
        {
            await RevokeFamilyAsync(db, record.FamilyId, ct);
            return null;
        }
        if (record.ExpiresAtUtc <= now) return null;

        var user = await signIn.UserManager.FindByIdAsync(record.UserId);
        if (user is null || !string.Equals(user.SecurityStamp, record.SecurityStamp, StringComparison.Ordinal)
                         || !await signIn.CanSignInAsync(user) || await signIn.UserManager.IsLockedOutAsync(user))
        {
            await RevokeFamilyAsync(db, record.FamilyId, ct);
            return null;
        }

        // Spent only if nobody spent it in between: of two refreshes racing with one token, exactly one wins, and the
        // other counts as a reuse.
        var spent = await db.RefreshTokens.Where(t => t.Id == record.Id && t.SpentAtUtc == null && t.RevokedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.SpentAtUtc, now), ct);
        if (spent == 0)
        {
            await RevokeFamilyAsync(db, record.FamilyId, ct);
            return null;
        }
        return await IssueAsync(db, user, record.FamilyId, ct);
    }

    /// <summary>Ends the family of the given refresh token (sign-out with the token in hand).</summary>
    public async Task RevokeByTokenAsync(string refreshToken, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var hash = Hash(refreshToken);
        var family = await db.RefreshTokens.Where(t => t.TokenHash == hash).Select(t => t.FamilyId).FirstOrDefaultAsync(ct);
        if (family is not null) await RevokeFamilyAsync(db, family, ct);
    }

    public async Task RevokeFamilyAsync(string familyId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await RevokeFamilyAsync(db, familyId, ct);
    }

    /// <summary>Ends every family of a user (an administrator locked the account).</summary>
    public async Task RevokeUserAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        await db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAtUtc, now), ct);
    }

    private async Task RevokeFamilyAsync(BishanDbContext db, string familyId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAtUtc, now), ct);
    }

    private async Task<AccessTokenResponse> IssueAsync(BishanDbContext db, AppUser user, string familyId, CancellationToken ct)
    {
        var options = Options;
        var now = time.GetUtcNow();
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim("amr", "pwd"));
        identity.AddClaim(new Claim(FamilyClaim, familyId));
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.BearerTokenExpiration };
        var accessToken = options.BearerTokenProtector.Protect(
            new AuthenticationTicket(principal, properties, $"{IdentityConstants.BearerScheme}:AccessToken"));

        var refreshToken = Base64Url(RandomNumberGenerator.GetBytes(32));
        db.RefreshTokens.Add(new RefreshTokenRecord
        {
            FamilyId = familyId,
            UserId = user.Id,
            TokenHash = Hash(refreshToken),
            SecurityStamp = user.SecurityStamp,
            IssuedAtUtc = now.UtcDateTime,
            ExpiresAtUtc = (now + options.RefreshTokenExpiration).UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return new AccessTokenResponse
        {
            AccessToken = accessToken,
            ExpiresIn = (long)options.BearerTokenExpiration.TotalSeconds,
            RefreshToken = refreshToken,
        };
    }

    private static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
