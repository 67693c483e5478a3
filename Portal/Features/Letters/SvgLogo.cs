using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Portal.Features.Letters;

/// <summary>
/// The letterhead's logo is an SVG drawing, kept only in the parts that draw: the printer (Chromium in one process)
/// cannot print raster images, and a drawing is sharp on paper at any size. Scripts, event handlers, links out of the
/// drawing, external references and anything not on the lists below are dropped.
/// </summary>
public static class SvgLogo
{
    public const string ContentType = "image/svg+xml";

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    private static readonly HashSet<string> Elements =
    [
        "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "defs", "linearGradient",
        "radialGradient", "stop", "clipPath", "mask", "use", "title", "desc", "symbol",
    ];

    private static readonly HashSet<string> Attributes =
    [
        "id", "d", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "width", "height", "viewBox", "points", "fill",
        "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
        "stroke-dasharray", "stroke-dashoffset", "opacity", "transform", "offset", "stop-color", "stop-opacity", "gradientUnits",
        "gradientTransform", "spreadMethod", "clip-path", "clip-rule", "clipPathUnits", "mask", "maskUnits", "font-family", "font-size",
        "font-weight", "font-style", "text-anchor", "dominant-baseline", "letter-spacing", "preserveAspectRatio", "version", "style", "href",
        "display", "visibility", "color",
    ];

    /// <summary>The drawing, cleaned, as SVG markup; null when the file is not an SVG drawing.</summary>
    public static string? Clean(byte[] file)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(file), new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 2_000_000, IgnoreComments = true,
                IgnoreProcessingInstructions = true,
            });
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
        if (document.Root is not { } root || root.Name != Svg + "svg") return null;
        var clean = CleanElement(root);
        if (clean.Attribute("viewBox") is null && clean.Attribute("width") is { } width && clean.Attribute("height") is { } height
            && double.TryParse(width.Value.TrimEnd('p', 'x'), CultureInfo.InvariantCulture, out var w) && double.TryParse(height.Value.TrimEnd('p', 'x'), CultureInfo.InvariantCulture, out var h))
            clean.SetAttributeValue("viewBox", FormattableString.Invariant($"0 0 {w} {h}"));
        // The print sets the size; the drawing keeps its proportions.
        clean.SetAttributeValue("width", null);
        clean.SetAttributeValue("height", null);
        return clean.ToString(SaveOptions.DisableFormatting);
    }

    public static byte[] Bytes(string svg) => Encoding.UTF8.GetBytes(svg);

    public static string Markup(byte[] stored) => Encoding.UTF8.GetString(stored);

    private static XElement CleanElement(XElement element)
    {
        var clean = new XElement(Svg + element.Name.LocalName);
        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration) continue;
            var name = attribute.Name.LocalName;
            var inOwnNamespace = attribute.Name.Namespace == XNamespace.None || attribute.Name.Namespace == XLink && name == "href";
            if (!inOwnNamespace || !Attributes.Contains(name) || !SafeValue(name, attribute.Value)) continue;
            clean.SetAttributeValue(name, attribute.Value);
        }
        foreach (var node in element.Nodes())
        {
            if (node is XElement child && child.Name.Namespace == Svg && Elements.Contains(child.Name.LocalName))
                clean.Add(CleanElement(child));
            else if (node is XText text && element.Name.LocalName is "text" or "tspan" or "title" or "desc")
                clean.Add(new XText(text.Value));
        }
        return clean;
    }

    /// <summary>References stay inside the drawing (#id); nothing is fetched, run or imported.</summary>
    private static bool SafeValue(string name, string value)
    {
        var lower = value.ToLowerInvariant();
        if (name == "href") return value.StartsWith('#');
        if (lower.Contains("javascript:", StringComparison.Ordinal) || lower.Contains("expression(", StringComparison.Ordinal)
            || lower.Contains("@import", StringComparison.Ordinal) || lower.Contains('\\'))
            return false;
        var at = 0;
        while ((at = lower.IndexOf("url(", at, StringComparison.Ordinal)) >= 0)
        {
            var target = lower[(at + 4)..].TrimStart(' ', '\'', '"');
            if (!target.StartsWith('#')) return false;
            at += 4;
        }
        return true;
    }
}
