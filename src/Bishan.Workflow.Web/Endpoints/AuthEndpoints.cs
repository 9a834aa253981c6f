using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Bishan.Workflow.Web.Ui;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Bishan.Workflow.Web.Endpoints;

internal static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", LoginAsync)
            .WithTags("Auth")
            .AllowAnonymous()
            .Produces<AccessTokenResponse>()
            .WithSummary("Signs in with user name and password; answers with a bearer token (or sets the cookie when useCookies=true).");
        api.MapPost("/auth/refresh", RefreshAsync)
            .WithTags("Auth")
            .AllowAnonymous()
            .Produces<AccessTokenResponse>()
            .WithSummary("Exchanges the refresh token from login (or an earlier refresh) for a new access and refresh token.");
        return api;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest request, bool? useCookies, SignInManager<AppUser> signIn, IStringLocalizer<UiText> text)
    {
        // The bearer handler writes the AccessTokenResponse itself when SignInManager signs in with its scheme.
        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.UserName ?? "", request.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        // One answer for a wrong password, a locked-out account and an unknown user: a different message for lockout
        // would tell an attacker that the user name exists (lockout itself still counts and holds as before).
        if (!result.Succeeded)
            return Unauthorized(text, "Error.SignInFailed", "Wrong user name or password, or the account is temporarily locked.");
        return TypedResults.Empty;
    }

    /// <summary>
    /// What MapIdentityApi's /refresh does, answering problem details instead of a bare challenge, and also refusing a
    /// locked-out account: locking a user out must end their API access once the current access token runs out.
    /// </summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearerOptions,
        TimeProvider time, IStringLocalizer<UiText> text)
    {
        var protector = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        // Unprotect answers null for garbage and for a token signed with other keys or altered in transit.
        var ticket = string.IsNullOrEmpty(request.RefreshToken) ? null : protector.Unprotect(request.RefreshToken);
        // ValidateSecurityStampAsync answers null for a deleted user and for a changed stamp (new password, sign-out
        // everywhere, role change), so such a token stops working at once.
        var user = ticket?.Properties.ExpiresUtc is { } expires && time.GetUtcNow() < expires
            ? await signIn.ValidateSecurityStampAsync(ticket.Principal)
            : null;
        if (user is null || !await signIn.CanSignInAsync(user)
                         || signIn.UserManager.SupportsUserLockout && await signIn.UserManager.IsLockedOutAsync(user))
            return Unauthorized(text, "Error.RefreshFailed", "The refresh token is not valid or has expired; sign in again.");

        // Same path as login: signing in with the bearer scheme makes its handler write the new token pair. The
        // authentication method of the original sign-in (amr) is carried over, as a new principal would lose it.
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        await signIn.SignInWithClaimsAsync(user, new AuthenticationProperties(), ticket!.Principal.FindAll("amr"));
        return TypedResults.Empty;
    }

    private static ProblemHttpResult Unauthorized(IStringLocalizer<UiText> text, string key, string fallback) =>
        TypedResults.Problem(
            title: text.Or("Error.SignInFailed.Title", "Sign-in failed"),
            detail: text.Or(key, fallback),
            statusCode: StatusCodes.Status401Unauthorized);
}

internal sealed record LoginRequest(string? UserName, string? Password);

internal sealed record RefreshRequest(string? RefreshToken);
