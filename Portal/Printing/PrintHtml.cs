using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Portal.Printing;

/// <summary>Renders a print component to a complete HTML document, outside any page or circuit.</summary>
public class PrintHtml(IServiceProvider services, ILoggerFactory loggerFactory)
{
    public async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(services, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            "<!DOCTYPE html>" + (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }
}

/// <summary>Sarabun as inline @font-face rules: the print document carries its fonts, so Chromium fetches nothing.</summary>
public static class PrintFonts
{
    private static readonly Lazy<string> Css = new(() =>
    {
        string Face(string file, int weight, string style) =>
            $"@font-face{{font-family:'Sarabun';font-weight:{weight};font-style:{style};src:url(data:font/ttf;base64,{Convert.ToBase64String(Bytes(file))}) format('truetype');}}";
        return Face("Sarabun_400Regular.ttf", 400, "normal") + Face("Sarabun_400Regular_Italic.ttf", 400, "italic")
            + Face("Sarabun_600SemiBold.ttf", 600, "normal") + Face("Sarabun_700Bold.ttf", 700, "normal");
    });

    public static string FontFaces => Css.Value;

    private static byte[] Bytes(string file)
    {
        using var stream = typeof(PrintFonts).Assembly.GetManifestResourceStream("PrintFonts." + file)
            ?? throw new InvalidOperationException($"The font {file} is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The fonts as one style element; the printer's pages hold it already and leave it out of each document.</summary>
    public static string StyleElement => StyleElementValue.Value;

    private static readonly Lazy<string> StyleElementValue = new(() => $"<style id=\"print-fonts\">{Css.Value}</style>");
}
