using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

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
        return api;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest request, bool? useCookies, SignInManager<AppUser> signIn)
    {
        // The bearer handler writes the AccessTokenResponse itself when SignInManager signs in with its scheme.
        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.UserName ?? "", request.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
            return TypedResults.Problem(title: "Sign-in failed",
                detail: result.IsLockedOut ? "The account is locked out; try again later." : "Wrong user name or password.",
                statusCode: StatusCodes.Status401Unauthorized);
        return TypedResults.Empty;
    }
}

internal sealed record LoginRequest(string? UserName, string? Password);
