namespace Bishan.Workflow.Web.Ui;

/// <summary>
/// One entry of the navigation drawer; <see cref="TextKey"/> is a key of <see cref="UiText"/>. <see cref="Roles"/>, when
/// set, are the roles that can act on the section: others do not see the entry (the pages and the API still check).
/// </summary>
public sealed record NavItem(string Href, string TextKey, string Icon, bool AdminOnly = false, bool External = false,
    IReadOnlyList<string>? Roles = null);
