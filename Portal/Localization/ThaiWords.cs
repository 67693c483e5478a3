using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Localization;

/// <summary>
/// Keeps Thai compound words whole at line ends. Chromium breaks Thai with ICU's dictionary, which splits compounds
/// such as แลก|เปลี่ยน or รับ|ผิด|ชอบ between their syllables; the words of <c>ThaiCompounds.txt</c> are kept together,
/// in print by a no-wrap span (the PDF's text stays plain) and on screen by word joiners.
/// </summary>
public static partial class ThaiWords
{
    /// <summary>U+2060 WORD JOINER: invisible, forbids a line break on either side.</summary>
    public const char WordJoiner = '\u2060';

    /// <summary>
    /// Chromium's no-wrap element: the shortest markup that keeps a compound on one line, since every character counts
    /// toward the printer's document size limit.
    /// </summary>
    public const string KeepTogetherElement = "nobr";

    private static readonly Lazy<Regex> Compounds = new(() =>
    {
        using var stream = typeof(ThaiWords).Assembly.GetManifestResourceStream("ThaiCompounds.txt")
            ?? throw new InvalidOperationException("ThaiCompounds.txt is not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = reader.ReadToEnd().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Distinct().OrderByDescending(w => w.Length).Select(Regex.Escape);
        // Not after a leading vowel (เ แ โ ใ ไ belong to the consonant that follows) and not before a mark of the
        // next letter, so a match never starts or ends inside a syllable.
        return new Regex($"(?<![\\u0E40-\\u0E44])(?:{string.Join('|', words)})(?![\\u0E30-\\u0E3A\\u0E45\\u0E47-\\u0E4E])", RegexOptions.CultureInvariant);
    });

    /// <summary>The text with a word joiner between the letters of each compound, for labels such as table headers.</summary>
    public static string Join(string? text)
    {
        if (string.IsNullOrEmpty(text) || !HasThai(text)) return text ?? "";
        return Compounds.Value.Replace(text, match =>
        {
            var joined = new StringBuilder();
            var elements = StringInfo.GetTextElementEnumerator(match.Value);
            while (elements.MoveNext())
            {
                if (joined.Length > 0) joined.Append(WordJoiner);
                joined.Append(elements.GetTextElement());
            }
            return joined.ToString();
        });
    }

    /// <summary>
    /// A print document with each compound in its text wrapped in a no-wrap element. Only text between tags changes, never
    /// a tag, an attribute, the title, a style or a script; compounds are Thai letters only, so no markup is split.
    /// </summary>
    public static string KeepTogetherInHtml(string html)
    {
        var result = new StringBuilder(html.Length + 1024);
        var raw = false;
        foreach (var part in MarkupParts().Split(html))
        {
            if (part.StartsWith('<'))
            {
                if (RawTextStart().IsMatch(part)) raw = true;
                else if (RawTextEnd().IsMatch(part)) raw = false;
                result.Append(part);
            }
            else if (raw || !HasThai(part)) result.Append(part);
            else result.Append(Compounds.Value.Replace(part, match => $"<{KeepTogetherElement}>{match.Value}</{KeepTogetherElement}>"));
        }
        return result.ToString();
    }

    private static bool HasThai(string text) => text.AsSpan().IndexOfAnyInRange('\u0E01', '\u0E5B') >= 0;

    [GeneratedRegex("(<[^>]*>)")]
    private static partial Regex MarkupParts();

    [GeneratedRegex("^<(title|style|script|textarea)\\b", RegexOptions.IgnoreCase)]
    private static partial Regex RawTextStart();

    [GeneratedRegex("^</(title|style|script|textarea)\\b", RegexOptions.IgnoreCase)]
    private static partial Regex RawTextEnd();
}
