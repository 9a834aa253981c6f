using Microsoft.AspNetCore.Localization;

namespace Bishan.Workflow.Web.Extensions;

/// <summary>
/// The browser's Accept-Language counts for the API only (a client may ask for messages in English). The UI is
/// Chinese for everyone until the user picks English with the language switch: district staff share school PCs
/// whose browsers are often set to English, and the programme's language is Chinese.
/// </summary>
internal sealed class ApiAcceptLanguageProvider : AcceptLanguageHeaderRequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        httpContext.Request.Path.StartsWithSegments("/api")
            ? base.DetermineProviderCultureResult(httpContext)
            : NullProviderCultureResult;
}
