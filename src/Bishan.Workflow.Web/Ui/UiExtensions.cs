using System.Text.Encodings.Web;
using System.Text.Unicode;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Bishan.Workflow.Web.Auth;
using Bishan.Workflow.Web.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace Bishan.Workflow.Web.Ui;

/// <summary>The Blazor UI (server interactivity, MudBlazor, zh-CN/en) added to the host beside the API.</summary>
internal static class UiExtensions
{
    public static IServiceCollection AddWebUi(this IServiceCollection services)
    {
        services.AddRazorComponents()
            .AddInteractiveServerComponents()
            .AddHubOptions(o =>
            {
                // Set on purpose (issue 5; Elsa Studio's designer disconnects on larger workflows because the browser sends the
                // whole diagram to the server). Here the browser only sends events and small interop results: the designer
                // keeps the diagram on the server and sends render diffs down, so the largest message up is well under 1 KB
                // even for a 200-node workflow (measured in DesignerFacts). 32 KB is SignalR's default, kept explicitly: a
                // larger limit would only let a misbehaving client make the server buffer more. File imports stream in chunks.
                o.MaximumReceiveMessageSize = 32 * 1024;
                // A 200-node diagram's first render batch is a few hundred KB down; slow links get time to deliver it.
                o.ClientTimeoutInterval = TimeSpan.FromSeconds(60);
                o.HandshakeTimeout = TimeSpan.FromSeconds(30);
            });
        services.AddCascadingAuthenticationState();
        // Pages call the same use cases as the API, as the circuit's user (see UseCases); API requests keep HttpCurrentUser.
        services.AddScoped<UseCases>();
        services.AddScoped<CurrentUserOverride>();
        services.Replace(ServiceDescriptor.Scoped<ICurrentUser>(sp =>
            sp.GetRequiredService<CurrentUserOverride>().User ?? sp.GetRequiredService<HttpCurrentUser>()));
        services.AddMudServices();
        // MudBlazor's built-in words (pager buttons) in the user's language too, from UiText.
        services.AddTransient<MudBlazor.MudLocalizer, UiMudLocalizer>();
        // The workflow validator's messages (designer and definition API) in the reader's language.
        services.TryAddSingleton<Bishan.Workflow.Engine.Validation.IValidationMessages, UiValidationMessages>();
        // Chinese text as characters, not &#x...; entities: pages stay half the size and readable in the source.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = CultureSwitch.Supported.ToList();
            o.DefaultRequestCulture = new RequestCulture(cultures[0]);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // Keep the providers the API configured (?culture=) and add the cookie the language switch sets,
            // ahead of the browser's Accept-Language, so a user's choice beats the browser's default.
            if (!o.RequestCultureProviders.OfType<CookieRequestCultureProvider>().Any())
            {
                var browser = o.RequestCultureProviders.ToList().FindIndex(p => p is AcceptLanguageHeaderRequestCultureProvider);
                o.RequestCultureProviders.Insert(browser < 0 ? o.RequestCultureProviders.Count : browser, new CookieRequestCultureProvider());
            }
        });

        services.AddAuthorizationBuilder().AddUiPolicies();
        services.AddScoped<IUserClaimsPrincipalFactory<AppUser>, DisplayNameClaimsFactory>();
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
        // Request localization runs first in the host's pipeline (MapWebHost), for the API and the pages alike.
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapUiEndpoints();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization(UiPolicies.SignedIn);
        return app;
    }
}
