using MudBlazor;

namespace Portal.Components.Layout;

public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1b4f72",
            Secondary = "#b9770e",
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
