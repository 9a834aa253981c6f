using Bishan.Workflow.Cases.Access;

namespace Bishan.Workflow.Web.Ui;

/// <summary>
/// Per DI scope: the user a page's use case runs for. <see cref="UseCases"/> sets it in the short scope it opens for each
/// call; API requests never set it, so <see cref="ICurrentUser"/> resolves to the HTTP request's user there.
/// </summary>
internal sealed class CurrentUserOverride
{
    public ICurrentUser? User { get; set; }
}
