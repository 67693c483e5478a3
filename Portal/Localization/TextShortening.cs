using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Portal.Localization;

/// <summary>
/// Text cut to fit a limit, the one way everywhere: between whole text elements, so a Thai vowel or tone mark stays on its
/// letter ("ที่", never "ท" with "ี่" lost or left leading); at the last space when one falls in the second half, so an
/// English word is not cut in two; with the ellipsis counted inside the limit.
/// </summary>
public static class TextShortening
{
    /// <summary>
    /// <paramref name="text"/> unchanged when it fits in <paramref name="limit"/>; else its beginning plus
    /// <paramref name="ellipsis"/>, together no larger than the limit.
    /// </summary>
    /// <param name="size">How the limit is measured (UTF-8 bytes for a file name, say); UTF-16 characters when null.</param>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Shorten(string? text, int limit, string ellipsis = "", Func<string, int>? size = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (string.IsNullOrEmpty(text)) return text;
        Func<string, int> measure = size ?? (static s => s.Length);
        if (measure(text) <= limit) return text;
        if (measure(ellipsis) > limit) ellipsis = "";
        var room = limit - measure(ellipsis);

        var elements = StringInfo.GetTextElementEnumerator(text);
        var kept = new StringBuilder();
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            // A size function is asked of the whole, as it need not add up element by element; characters simply add up.
            if ((size is null ? kept.Length + element.Length : size(kept + element)) > room) break;
            kept.Append(element);
        }
        var cut = kept.ToString();
        var space = cut.LastIndexOf(' ');
        if (space > 0 && space >= cut.Length / 2) cut = cut[..space];
        // Trimming only takes away, so the result stays within the limit.
        return cut.TrimEnd().TrimEnd('-', ',', '(', ' ') + ellipsis;
    }
}
