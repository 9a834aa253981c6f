using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Bishan.Workflow.Web.Ui;

/// <summary>The two things a Blazor circuit cannot do itself because they set cookies: switch language and sign out.</summary>
internal static class UiEndpoints
{
    public static IEndpointRouteBuilder MapUiEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(UiRoutes.Culture, SetCulture).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(UiRoutes.Logout, LogoutPostAsync).AllowAnonymous().ExcludeFromDescription();
        // Signing out by address (typed /logout) is harmless: it can only end the caller's own session.
        app.MapGet(UiRoutes.Logout, LogoutAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult SetCulture(HttpContext context, string? culture, string? returnUrl)
    {
        if (CultureSwitch.Find(culture) is { } chosen)
        {
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions
                {
                    MaxAge = TimeSpan.FromDays(365),
                    HttpOnly = true,
                    IsEssential = true,
                    SameSite = SameSiteMode.Lax,
                    Path = "/",
                });
        }
        return Results.LocalRedirect(LocalUrl.OrRoot(returnUrl));
    }

    private static async Task<IResult> LogoutPostAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest();
        return await LogoutAsync(signIn);
    }

    private static async Task<IResult> LogoutAsync(SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.LocalRedirect(UiRoutes.Login);
    }
}
