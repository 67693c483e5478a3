using System.Globalization;

namespace Portal.Data;

/// <summary>
/// SQLite compares text byte by byte, which files "เทศบาล" after every word that starts with a consonant.
/// This collation sorts as a Thai dictionary does (leading vowels skipped, then tones), and English case-insensitively.
/// </summary>
public static class ThaiCollation
{
    public const string Name = "THAI";
    private static readonly CompareInfo Thai = CultureInfo.GetCultureInfo("th-TH").CompareInfo;

    public static int Compare(string? x, string? y) => Thai.Compare(x, y, CompareOptions.IgnoreCase);
}
