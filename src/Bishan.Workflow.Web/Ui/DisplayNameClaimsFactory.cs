using System.Security.Claims;
using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Bishan.Workflow.Web.Ui;

/// <summary>
/// Identity's principal plus the user's display name (张老师（璧山中学）rather than the login "caseworker"), so the
/// app bar can greet people by name without a database read per circuit. Additive: roles and ids are unchanged.
/// </summary>
internal sealed class DisplayNameClaimsFactory(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string ClaimType = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName)) identity.AddClaim(new Claim(ClaimType, user.DisplayName));
        return identity;
    }

    /// <summary>The display name, or the login when the account has none.</summary>
    public static string NameOf(ClaimsPrincipal user) =>
        user.FindFirst(ClaimType)?.Value is { Length: > 0 } name ? name : user.Identity?.Name ?? "";
}
