using Portal.Features.Meetings;
using Portal.Localization;
using Portal.Printing;

namespace Portal.Features.Minutes;

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

    /// <summary>
    /// "2024-07-31 ศักยภาพด้านโครงสร้างพื้นฐาน… (th).pdf", with the English title as the plain-ASCII name for browsers
    /// that do not read <c>filename*</c>: each language a file of its own name.
    /// </summary>
    /// <param name="extension">".pdf", or ".docx" for the minutes as a Word document.</param>
    public static DownloadName MinutesFileName(Portal.Features.Minutes.MinutesDocument document, PrintLanguage language, string extension = ".pdf")
    {
        var suffix = $" ({Code(language)})";
        return new DownloadName(FileName(document.Date, document.Title(language != PrintLanguage.English), suffix, extension),
            AsciiFileName(document.Date, document.TitleEn, "minutes", suffix, extension));
    }

    public static DownloadName AttendanceSheetFileName(Portal.Features.Minutes.MinutesDocument document) =>
        new(FileName(document.Date, document.Title(true), " ใบลงชื่อ"), AsciiFileName(document.Date, document.TitleEn, "meeting", " attendance sheet"));

    /// <summary>The name in letters every HTTP client and file system takes: ASCII letters, digits and a few signs.</summary>
    private static string AsciiFileName(DateOnly date, string? title, string fallback, string suffix, string extension = ".pdf")
    {
        var ascii = new string((title ?? "").Select(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or ',' or '(' or ')' ? c : ' ').ToArray());
        ascii = string.Join(' ', ascii.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        ascii = TextShortening.Shorten(ascii, 150, "...");
        if (!ascii.Any(char.IsAsciiLetter)) ascii = fallback;
        return FileName(date, ascii, suffix, extension);
    }

    /// <summary>"2024-07-31 ศักยภาพด้านโครงสร้างพื้นฐาน….pdf": sortable, and safe on every file system.</summary>
    public static string FileName(DateOnly date, string title, string suffix = "", string extension = ".pdf") =>
        $"{date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)} {FileNamePart(title, 180)}{suffix}{extension}";

    /// <summary>What a user typed, made fit for a file name on every file system and at most <paramref name="maxBytes"/> long.</summary>
    public static string FileNamePart(string text, int maxBytes)
    {
        var clean = new string(text.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is ':' or '*' or '?' or '"' or '<' or '>' or '|' or '\\' ? ' ' : c).ToArray()).Trim();
        // File systems count bytes (255 on Linux) and a Thai letter is three in UTF-8.
        return TextShortening.Shorten(clean, maxBytes, "…", System.Text.Encoding.UTF8.GetByteCount)!;
    }
}
