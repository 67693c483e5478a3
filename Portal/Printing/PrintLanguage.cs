namespace Portal.Printing;

public enum PrintLanguage
{
    Thai,
    English,
    Bilingual,
}

public static class PrintLanguages
{
    /// <summary>The <c>lang</c> query value: th, en or bilingual (Thai when absent or unknown).</summary>
    public static PrintLanguage Parse(string? value) => value?.ToLowerInvariant() switch
    {
        "en" => PrintLanguage.English,
        "bilingual" => PrintLanguage.Bilingual,
        _ => PrintLanguage.Thai,
    };

    public static string Code(PrintLanguage language) => language switch
    {
        PrintLanguage.English => "en",
        PrintLanguage.Bilingual => "bilingual",
        _ => "th",
    };

    /// <summary>The languages a document prints in, Thai first.</summary>
    public static IReadOnlyList<bool> Thai(PrintLanguage language) => language switch
    {
        PrintLanguage.English => [false],
        PrintLanguage.Bilingual => [true, false],
        _ => [true],
    };

    /// <summary>"2024-07-31 ศักยภาพด้านโครงสร้างพื้นฐาน….pdf": sortable, and safe on every file system.</summary>
    public static string FileName(DateOnly date, string title, string suffix = "")
    {
        var clean = new string(title.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is ':' or '*' or '?' or '"' or '<' or '>' or '|' or '\\' ? ' ' : c).ToArray()).Trim();
        // File systems count bytes (255 on Linux) and a Thai letter is three in UTF-8: shorten by whole characters,
        // never splitting a letter from its vowel or tone mark.
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(clean);
        var kept = new System.Text.StringBuilder();
        while (elements.MoveNext() && System.Text.Encoding.UTF8.GetByteCount(kept + elements.GetTextElement()) <= 180)
            kept.Append(elements.GetTextElement());
        clean = kept.ToString().Trim();
        return $"{date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)} {clean}{suffix}.pdf";
    }
}
