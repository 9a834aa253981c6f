using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Bishan.Workflow.Web.Auth.SignIn;
using Bishan.Workflow.Web.Auth.Tokens;
using Bishan.Workflow.Web.Ui;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Bishan.Workflow.Web.Endpoints;

internal static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth").AllowAnonymous();
        auth.MapPost("/login", LoginAsync)
            .RequireRateLimiting(SignInRateLimits.Policy)
            .WithSummary("Signs in with user name and password; answers with a bearer token and a refresh token (or sets the cookie when useCookies=true). 429 with Retry-After after repeated failures.");
        auth.MapPost("/refresh", RefreshAsync)
            .RequireRateLimiting(SignInRateLimits.Policy)
            .WithSummary("Exchanges a refresh token for a new access and refresh token; the old refresh token is spent, and presenting a spent one again revokes every token of that sign-in.");
        auth.MapPost("/signout", SignOutAsync)
            .WithSummary("Revokes every refresh token of the caller's sign-in (from the bearer token or the refresh token in the body) and clears the cookie.");
        return api;
    }

    private static async Task<Results<Ok<AccessTokenResponse>, EmptyHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest request, bool? useCookies, HttpContext http, PasswordSignIn passwords, SignInManager<AppUser> signIn,
        ApiTokens tokens, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var check = await passwords.CheckAsync(request.UserName, request.Password, http.Connection.RemoteIpAddress?.ToString());
        if (check.RetryAfter is { } wait) return SignInRateLimits.Throttled(http, wait);
        // One answer for a wrong password, a locked account and an unknown user: anything else would tell an attacker
        // which user names exist.
        if (check.User is not { } user)
            return Unauthorized(text, "Error.SignInFailed", "Wrong user name or password, or the account is locked.");
        if (useCookies == true)
        {
            signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new System.Security.Claims.Claim("amr", "pwd")]);
            return TypedResults.Empty;
        }
        return TypedResults.Ok(await tokens.IssueAsync(user, ct));
    }

    private static async Task<Results<Ok<AccessTokenResponse>, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, ApiTokens tokens, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        // Null for garbage, an expired, revoked or spent token (a spent one also revokes its family), a deleted or
        // locked user and a changed security stamp (new password, role change).
        var pair = await tokens.RefreshAsync(request.RefreshToken, ct);
        return pair is null
            ? Unauthorized(text, "Error.RefreshFailed", "The refresh token is not valid or has expired; sign in again.")
            : TypedResults.Ok(pair);
    }

    private static async Task<NoContent> SignOutAsync(
        HttpContext http, ApiTokens tokens, SignInManager<AppUser> signIn, CancellationToken ct, SignOutRequest? request = null)
    {
        if (!string.IsNullOrEmpty(request?.RefreshToken)) await tokens.RevokeByTokenAsync(request.RefreshToken, ct);
        if (http.User.FindFirst(ApiTokens.FamilyClaim)?.Value is { } family) await tokens.RevokeFamilyAsync(family, ct);
        if (string.Equals(http.User.Identity?.AuthenticationType, IdentityConstants.ApplicationScheme, StringComparison.Ordinal))
            await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Unauthorized(IStringLocalizer<UiText> text, string key, string fallback) =>
        TypedResults.Problem(
            title: text.Or("Error.SignInFailed.Title", "Sign-in failed"),
            detail: text.Or(key, fallback),
            statusCode: StatusCodes.Status401Unauthorized);
}

internal sealed record LoginRequest(string? UserName, string? Password);

internal sealed record RefreshRequest(string? RefreshToken);

internal sealed record SignOutRequest(string? RefreshToken);
