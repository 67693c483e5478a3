using System.Text;

namespace Portal.Validation;

/// <summary>
/// Marks a text property that holds several lines (Markdown, notes, descriptions): when it is stored its line breaks and
/// tabs stay. Every other text property the portal declares is one line (<see cref="TextCleaning"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MultiLineAttribute : Attribute;

/// <summary>
/// What the portal keeps of the text people type, paste or upload. Control characters (C0, DEL, C1) have no place in a
/// name or a minute: a NUL cuts text short in C libraries and PDF tools, an ESC or BEL reaches the terminal of whoever
/// reads a CSV or log there. Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) make text show in
/// another order than it is stored ("Trojan Source"): an attachment named <c>report{U+202E}fdp.exe</c> reads as
/// "reportexe.pdf". Both are removed wherever text is stored. The direction marks LRM, RLM and ALM, which only hint
/// how neutral characters lean and cannot reorder a word, stay.
/// </summary>
public static class TextCleaning
{
    /// <summary>
    /// One line (names, titles, venues, file names): a tab or run of line breaks becomes one space, so a title pasted
    /// from a PDF keeps its words apart; every other control character and bidi override goes; the ends are trimmed.
    /// </summary>
    public static string SingleLine(string text) => Clean(text, multiLine: false).Trim();

    /// <summary>
    /// Several lines (Markdown minutes, discussion, descriptions, notes): tab, CR and LF stay as typed, and the Unicode line
    /// and paragraph separators (and NEL) become LF, which Markdown understands; every other control character and bidi
    /// override goes. Nothing is trimmed: leading spaces mean something in Markdown.
    /// </summary>
    public static string MultiLine(string text) => Clean(text, multiLine: true);

    /// <summary>A bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069).</summary>
    public static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029';

    private static bool NeedsCleaning(char c) => char.IsControl(c) || IsBidiControl(c) || c is '\u2028' or '\u2029';

    private static string Clean(string text, bool multiLine)
    {
        if (!text.AsSpan().ContainsAny(Unsafe))
            return text;
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!NeedsCleaning(c))
                clean.Append(c);
            else if (multiLine)
            {
                if (c is '\t' or '\n' or '\r') clean.Append(c);
                else if (c is '\u0085' or '\u2028' or '\u2029' or '\v' or '\f') clean.Append('\n');
            }
            else if (c == '\t' || IsLineBreak(c))
            {
                // "Khon Kaen\r\nSmart City" is one title: one space for the whole run of breaks.
                while (i + 1 < text.Length && (text[i + 1] == '\t' || IsLineBreak(text[i + 1]))) i++;
                clean.Append(' ');
            }
        }
        return clean.ToString();
    }

    /// <summary>Every character <see cref="Clean"/> looks at: C0, DEL, C1, the line and paragraph separators, the bidi controls.</summary>
    private static readonly System.Buffers.SearchValues<char> Unsafe = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 0x10000).Select(i => (char)i).Where(NeedsCleaning).ToArray());
}
