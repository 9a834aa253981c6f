using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Bishan.Workflow.Web.Auth.SignIn;
using Bishan.Workflow.Web.Auth.Tokens;
using Bishan.Workflow.Web.Extensions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Bishan.Workflow.Web.Auth;

internal static class AuthExtensions
{
    public static IServiceCollection AddWorkflowAuth(this IServiceCollection services)
    {
        // Keys in the database, so issued tokens and cookies survive a restart and every node accepts those of the others.
        services.AddDataProtection()
            .PersistKeysToDbContext<BishanDbContext>()
            .SetApplicationName("Bishan.Workflow");

        services.AddAuthentication(AuthPolicies.BearerOrCookieScheme)
            .AddPolicyScheme(AuthPolicies.BearerOrCookieScheme, "Bearer token or Identity cookie", o =>
            {
                o.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme;
                // An API caller gets 401/403, never a redirect to a login page.
                o.ForwardChallenge = IdentityConstants.BearerScheme;
                o.ForwardForbid = IdentityConstants.BearerScheme;
            })
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddIdentityCookies();
        // After Identity's security-stamp validator: the account is read on every request, so a user disabled or changed on
        // any node loses the cookie at once (the validator alone would wait up to 30 minutes).
        services.ConfigureApplicationCookie(o =>
        {
            var stampValidator = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                await stampValidator(context);
                await AccountCheck.ValidateCookieAsync(context);
            };
        });

        services.AddIdentityCore<AppUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<BishanDbContext>()
            .AddSignInManager();

        // Failed sign-ins never lock an account (anyone could lock a colleague out): they are throttled instead, and
        // only an administrator locks an account (POST /api/admin/users/{id}/lock).
        services.AddSignInThrottling();
        services.AddScoped<ApiTokens>();

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.Administrator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator));
        return services;
    }
}
