namespace Bishan.Workflow.Web.Ui;

/// <summary>
/// Marker for <c>IStringLocalizer&lt;UiText&gt;</c>: the shell's strings live in <c>Resources/Ui/UiText.resx</c>
/// (English, the neutral fallback) and <c>UiText.zh-CN.resx</c> (the default UI language), like the domain's strings.
/// </summary>
public sealed class UiText;
