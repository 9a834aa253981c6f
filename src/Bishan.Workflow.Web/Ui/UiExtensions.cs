using System.Text.Encodings.Web;
using System.Text.Unicode;
using Bishan.Workflow.Web.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;

namespace Bishan.Workflow.Web.Ui;

/// <summary>The Blazor UI (server interactivity, MudBlazor, zh-CN/en) added to the host beside the API.</summary>
internal static class UiExtensions
{
    public static IServiceCollection AddWebUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        // Chinese text as characters, not &#x...; entities: pages stay half the size and readable in the source.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = CultureSwitch.Supported.ToList();
            o.DefaultRequestCulture = new RequestCulture(cultures[0]);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // The cookie the language switch sets wins; a browser asking for English gets English before any choice.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        services.AddAuthorizationBuilder().AddUiPolicies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = UiRoutes.Login;
            o.LogoutPath = UiRoutes.Logout;
            o.AccessDeniedPath = UiRoutes.AccessDenied;
        });
        return services;
    }

    public static WebApplication MapWebUi(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapUiEndpoints();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization(UiPolicies.SignedIn);
        return app;
    }
}
