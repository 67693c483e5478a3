using MudBlazor;

namespace Portal.Components.Layout;

public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1b4f72",
            // Every colour that writes text — chips, outlined and text buttons, alerts — reaches WCAG AA's 4.5:1 on white
            // (and white on it, for filled ones); MudBlazor's own green, orange, blue and red are 2.2–3.7:1.
            Secondary = "#8a5a00",
            Success = "#2e7d32",
            Warning = "#a15c00",
            Info = "#1565c0",
            Error = "#c62828",
            TextSecondary = "rgba(0,0,0,0.68)",
            AppbarBackground = "#1b4f72",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                // Thai first: Sarabun where the reader has it, then the platform's Thai UI fonts.
                FontFamily = ["Sarabun", "Noto Sans Thai", "Leelawadee UI", "Tahoma", "Roboto", "sans-serif"],
            },
        },
    };
}
