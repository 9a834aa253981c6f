using MudBlazor;

namespace Bishan.Workflow.Web.Ui;

/// <summary>The MudBlazor theme: Chinese fonts first, so 璧山 renders in Noto Sans CJK SC (installed with fonts-noto-cjk) rather than a fallback.</summary>
public static class UiTheme
{
    /// <summary>CJK fonts before Latin ones: CJK fonts carry good Latin glyphs, the reverse is not true.</summary>
    public static readonly string[] FontFamily =
    [
        "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
        "Roboto", "Helvetica", "Arial", "sans-serif",
    ];

    public static MudTheme Theme { get; } = new()
    {
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontFamily },
            // Upper-casing does nothing for Chinese and shouts in English; buttons read as written in both.
            Button = new ButtonTypography { TextTransform = "none" },
        },
        PaletteLight = new PaletteLight
        {
            Primary = "#1565c0",
            AppbarBackground = "#1565c0",
            // MudBlazor's default red (#f44336) gives white text 3.7:1 (the bell's badge, error chips); this one 5.6:1,
            // above the 4.5:1 that WCAG asks of normal text.
            Error = "#c62828",
        },
    };
}
