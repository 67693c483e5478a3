using System.Globalization;
using Microsoft.AspNetCore.Components;
using Portal.Localization;

namespace Portal.Features.Reports;

public partial class BarChart
{
    /// <summary>An SVG text element, written out because Razor keeps the name &lt;text&gt; for itself.</summary>
    private static MarkupString SvgText(double x, double y, string content, bool bold) => new(
        $"<text x=\"{x.ToString("0.#", CultureInfo.InvariantCulture)}\" y=\"{y.ToString("0.#", CultureInfo.InvariantCulture)}\" font-size=\"12\"{(bold ? " font-weight=\"600\"" : "")} fill=\"#212121\">{System.Net.WebUtility.HtmlEncode(content)}</text>");

    /// <summary>SVG text does not wrap: a long name is cut with an ellipsis here and given whole in the table.</summary>
    private static string Shorten(string label) => TextShortening.Shorten(label, LabelCharacters, "…");
}
