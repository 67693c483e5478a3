using System.Text;

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

    /// <summary>"action-items-2567-11-25.csv": ASCII, safe in any browser and file system.</summary>
    public static string FileName(string stem, DateOnly date) => $"{stem}-{date:yyyy-MM-dd}.csv";
}
