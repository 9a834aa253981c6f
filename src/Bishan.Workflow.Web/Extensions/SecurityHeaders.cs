namespace Bishan.Workflow.Web.Extensions;

/// <summary>
/// Browser hardening headers on every answer: API, pages, static files, problem details and error pages alike.
/// No script policy here: Blazor Server and MudBlazor need inline styles and eval-free scripts checked one by one first.
/// </summary>
internal static class SecurityHeaders
{
    private const string FrameAncestorsNone = "frame-ancestors 'none'";

    /// <summary>Registered first in the pipeline, so no later middleware (or short-circuit) answers without it.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            // Set when the headers go out, not now: the exception handler clears the response headers before it writes
            // its problem details, and OnStarting callbacks survive that.
            context.Response.OnStarting(static state => Apply((HttpResponse)state), context.Response);
            return next(context);
        });

    private static Task Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        // Overwritten, not kept: antiforgery writes SAMEORIGIN on form pages, and no page of this app is meant to be framed
        // (clickjacking on the approval buttons).
        headers.XFrameOptions = "DENY";
        // Blazor writes "frame-ancestors 'self'" on interactive pages (it compresses the circuit's WebSocket); other
        // directives a component or library sets are kept, the framing one is replaced by the stricter one.
        var directives = headers.ContentSecurityPolicy.ToString()
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(d => !d.StartsWith("frame-ancestors", StringComparison.OrdinalIgnoreCase))
            .Append(FrameAncestorsNone);
        headers.ContentSecurityPolicy = string.Join("; ", directives);
        return Task.CompletedTask;
    }
}
