namespace Bishan.Workflow.Web.Auth;

internal static class AuthPolicies
{
    /// <summary>Definitions, instances, events, bookmarks and the Hangfire dashboard.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Picks the bearer handler for API calls with a token and the Identity cookie otherwise (the Blazor UI).</summary>
    public const string BearerOrCookieScheme = "BearerOrCookie";
}

internal static class Roles
{
    public const string Administrator = "Administrator";
}
