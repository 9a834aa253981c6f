namespace Bishan.Workflow.Web.Ui;

/// <summary>Return addresses taken from a query string: only app-relative paths, so no link can become an open redirect.</summary>
public static class LocalUrl
{
    /// <summary><paramref name="url"/> when it is "/x" (not "//host" or "/\host"), else "/".</summary>
    public static string OrRoot(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
