namespace Bishan.Workflow.Web.Ui;

/// <summary>One entry of the navigation drawer; <see cref="TextKey"/> is a key of <see cref="UiText"/>.</summary>
public sealed record NavItem(string Href, string TextKey, string Icon, bool AdminOnly = false, bool External = false);
