namespace Bishan.Workflow.Web.Ui;

/// <summary>Addresses of the shell's non-page endpoints, shared by the components that link to them and the endpoints.</summary>
public static class UiRoutes
{
    public const string Login = "/login";
    public const string Logout = "/logout";
    public const string AccessDenied = "/access-denied";
    public const string Culture = "/culture";
    public const string Hangfire = "/hangfire";

    private static readonly char[] QueryOrFragment = ['?', '#'];

    /// <summary>
    /// True for the pages that are a canvas (a definition in the designer, an instance on its diagram): the nav drawer
    /// closes there so that the canvas gets the width (issue 14).
    /// </summary>
    public static bool IsCanvasPage(string uri, string baseUri)
    {
        var path = uri.StartsWith(baseUri, StringComparison.OrdinalIgnoreCase) ? uri[baseUri.Length..] : uri;
        path = "/" + path.TrimStart('/');
        var end = path.IndexOfAny(QueryOrFragment);
        if (end >= 0) path = path[..end];
        return path.StartsWith("/designer/", StringComparison.OrdinalIgnoreCase) && path.Length > "/designer/".Length;
    }
}
