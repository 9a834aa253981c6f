using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Bishan.Workflow.Web.Ui;

/// <summary>
/// Authorization for the Blazor pages. They name the Identity cookie scheme explicitly: the default scheme forwards
/// challenges to the bearer handler (API callers get 401, never a redirect), while a browser must land on /login.
/// </summary>
internal static class UiPolicies
{
    public const string SignedIn = "Ui.SignedIn";

    public static AuthorizationBuilder AddUiPolicies(this AuthorizationBuilder builder) =>
        builder.AddPolicy(SignedIn, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser());
}
