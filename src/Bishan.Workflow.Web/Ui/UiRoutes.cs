namespace Bishan.Workflow.Web.Ui;

/// <summary>Addresses of the shell's non-page endpoints, shared by the components that link to them and the endpoints.</summary>
public static class UiRoutes
{
    public const string Login = "/login";
    public const string Logout = "/logout";
    public const string AccessDenied = "/access-denied";
    public const string Culture = "/culture";
    public const string Hangfire = "/hangfire";
}
