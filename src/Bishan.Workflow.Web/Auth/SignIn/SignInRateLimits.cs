using System.Globalization;
using System.Threading.RateLimiting;
using Bishan.Workflow.Web.Ui;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Bishan.Workflow.Web.Auth.SignIn;

/// <summary>
/// ASP.NET Core's rate limiter on the sign-in routes (API login and refresh, the login page's POST): a fixed number
/// of requests per client address and minute, whatever their outcome. The failure delays of <see cref="SignInThrottle"/>
/// come on top. Both answer 429 with Retry-After and the same localized problem.
/// </summary>
internal static class SignInRateLimits
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInThrottling(this IServiceCollection services)
    {
        services.AddOptions<SignInThrottleOptions>().BindConfiguration(SignInThrottleOptions.Section);
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<PasswordSignIn>();
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, context =>
            {
                // The login page's GET only shows the form.
                if (HttpMethods.IsGet(context.Request.Method)) return RateLimitPartition.GetNoLimiter("get");
                var permits = context.RequestServices.GetRequiredService<IOptions<SignInThrottleOptions>>().Value.AddressRequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            o.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                return new ValueTask(WriteThrottledAsync(context.HttpContext, wait));
            };
        });
        return services;
    }

    /// <summary>429 with Retry-After (whole seconds, rounded up) and a problem in the reader's language.</summary>
    public static Task WriteThrottledAsync(HttpContext context, TimeSpan wait) =>
        Throttled(context, wait).ExecuteAsync(context);

    public static ProblemHttpResult Throttled(HttpContext context, TimeSpan wait)
    {
        var seconds = RetryAfterSeconds(wait);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<UiText>>();
        return TypedResults.Problem(
            title: text.Or("SignIn.Throttled.Title", "Too many sign-in attempts"),
            detail: string.Format(CultureInfo.CurrentCulture, text.Or("SignIn.Throttled", "Too many sign-in attempts. Try again in {0} seconds."), seconds),
            statusCode: StatusCodes.Status429TooManyRequests);
    }

    public static int RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
