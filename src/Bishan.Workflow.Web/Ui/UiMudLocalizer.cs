using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Bishan.Workflow.Web.Ui;

/// <summary>
/// MudBlazor's own words (the pager buttons' "First page", "Next page" …, read out by screen readers and shown as
/// tooltips) from <c>UiText</c> under <c>Mud.{key}</c>, so they follow the user's language like the rest of the page.
/// A key without an entry reports not-found, and MudBlazor keeps its built-in English for it.
/// </summary>
internal sealed class UiMudLocalizer(IStringLocalizer<UiText> text) : MudLocalizer
{
    public override LocalizedString this[string key] => Rename(key, text["Mud." + key]);

    public override LocalizedString this[string key, params object[] arguments] => Rename(key, text["Mud." + key, arguments]);

    private static LocalizedString Rename(string key, LocalizedString found) =>
        new(key, found.Value, found.ResourceNotFound, found.SearchedLocation);
}
