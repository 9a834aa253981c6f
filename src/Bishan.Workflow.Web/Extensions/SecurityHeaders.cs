namespace Bishan.Workflow.Web.Extensions;

/// <summary>
/// Browser hardening headers on every answer: API, pages, static files, problem details and error pages alike.
/// The content-security policy is the one Blazor Server and MudBlazor work under (checked in the browser by the E2E
/// facts): scripts only from this origin (no inline script, no eval), inline styles allowed (MudBlazor writes style
/// attributes, Blazor's reconnect dialog a style element), the circuit's WebSocket to this origin, no framing.
/// The Hangfire dashboard and Scalar (third-party pages with inline scripts, administrators and signed-in users only)
/// get only the framing rule.
/// </summary>
internal static class SecurityHeaders
{
    private const string FrameAncestorsNone = "frame-ancestors 'none'";

    public const string UiPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        FrameAncestorsNone;

    /// <summary>Registered first in the pipeline, so no later middleware (or short-circuit) answers without it.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            // Set when the headers go out, not now: the exception handler clears the response headers before it writes
            // its problem details, and OnStarting callbacks survive that.
            context.Response.OnStarting(static state => Apply((HttpContext)state), context);
            return next(context);
        });

    private static Task Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        // Overwritten, not kept: antiforgery writes SAMEORIGIN on form pages, and no page of this app is meant to be framed
        // (clickjacking on the approval buttons).
        headers.XFrameOptions = "DENY";
        // Replaces what Blazor writes on interactive pages ("frame-ancestors 'self'", for the compressed WebSocket).
        headers.ContentSecurityPolicy = IsThirdPartyPage(context.Request.Path) ? FrameAncestorsNone : UiPolicy;
        return Task.CompletedTask;
    }

    private static bool IsThirdPartyPage(PathString path) =>
        path.StartsWithSegments("/hangfire", StringComparison.OrdinalIgnoreCase) ||
        path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase);
}
