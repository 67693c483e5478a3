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
        if (clean.Length > 80) clean = clean[..80].Trim();
        return $"{date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)} {clean}{suffix}.pdf";
    }
}
