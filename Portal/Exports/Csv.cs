using System.Globalization;
using System.Text;
using Portal.Localization;

namespace Portal.Exports;

/// <summary>
/// CSV as Excel opens it correctly in Thailand: UTF-8 with a byte-order mark, RFC 4180 quoting, and every cell that a
/// spreadsheet would read as a formula (=, +, -, @, or a leading tab or carriage return) neutralized with a leading
/// apostrophe, so a name typed as <c>=HYPERLINK(…)</c> stays text.
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
            text.Append(string.Join(',', row.Select(Cell))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string Cell(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>"action-items-2024-11-25.csv": ASCII, safe in any browser and file system, dated like the cells inside.</summary>
    public static string FileName(string stem, DateOnly date) => $"{stem}-{IsoDate(date)}.csv";

    /// <summary>
    /// A date as ISO 8601 in the Christian Era ("2026-12-12"), whatever the reader's language: a spreadsheet reads it as a
    /// date, where the Thai culture's own format would write the Buddhist year (2569-12-12) that it reads as another date.
    /// </summary>
    public static string? IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The same date as Thai readers write it, "12 ธันวาคม 2569": text, so no spreadsheet mistakes it for a date.</summary>
    public static string? BuddhistEraDate(DateOnly? date) => date is { } day ? ThaiDates.LongDate(day, PortalCultures.ThaiCulture) : null;

    public static string BuddhistEraHeader(string dateHeader) => BilingualText.Get("Csv.BuddhistEraColumn", thai: true).Replace("{0}", dateHeader);
}
