using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Portal.Validation;

namespace Portal.Features.Import;

/// <summary>The first sheet of an uploaded file as text: its heading row and the rows under it (blank rows left out).</summary>
public sealed record SpreadsheetTable(IReadOnlyList<string> Headings, IReadOnlyList<SpreadsheetRow> Rows);

/// <summary>One row of the sheet: its number as the spreadsheet shows it (the heading is row 1) and its cells.</summary>
public sealed record SpreadsheetRow(int Line, IReadOnlyList<string> Cells)
{
    public string Cell(int column) => column >= 0 && column < Cells.Count ? Cells[column] : "";
}

/// <summary>Why a file cannot be read, as a resource key and its arguments; nothing has been saved.</summary>
public sealed class SpreadsheetException(string key, params object[] args) : Exception(key)
{
    public FieldError Error { get; } = new(key, args);
}

/// <summary>
/// Reads an uploaded .xlsx or .csv without trusting it. The file's content decides, not its name: a PDF renamed .xlsx,
/// a binary renamed .csv or an empty file is refused. A workbook is a zip archive: its parts' sizes are checked, by
/// inflating each one up to a limit, before the spreadsheet library opens it, so a small file that expands to gigabytes
/// (a zip bomb) costs nothing. Formulas are never evaluated: a formula cell is read as its text ("=SUM(A1:A3)"), and
/// every cell is plain text, whatever it starts with. Control characters and bidi overrides are removed as the portal
/// removes them from everything it stores (<see cref="TextCleaning"/>).
/// </summary>
public static class SpreadsheetReader
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 2000;
    public const int MaxColumns = 50;
    /// <summary>What a workbook's parts may expand to, together; a real attendee list of 2,000 rows is a few megabytes.</summary>
    public const long MaxExpandedBytes = 40 * 1024 * 1024;
    private const int MaxParts = 500;
    private const int MaxCellLength = 1000;

    public static readonly string[] Extensions = [".xlsx", ".csv"];

    public static SpreadsheetTable Read(string fileName, byte[] content)
    {
        if (content.Length == 0)
            throw new SpreadsheetException("Import.EmptyFile");
        if (content.Length > MaxBytes)
            throw new SpreadsheetException("Import.TooLarge", MaxBytes / (1024 * 1024));
        var extension = Path.GetExtension(TextCleaning.SingleLine(fileName)).ToLowerInvariant();
        var rows = extension switch
        {
            ".xlsx" => ReadWorkbook(content),
            ".csv" => ReadCsv(content),
            _ => throw new SpreadsheetException("Import.WrongType"),
        };
        var kept = new List<SpreadsheetRow>();
        foreach (var (line, cells) in rows)
        {
            var clean = cells.Take(MaxColumns).Select(CleanCell).ToList();
            if (clean.All(c => c.Length == 0)) continue;
            kept.Add(new SpreadsheetRow(line, clean));
            if (kept.Count > MaxRows + 1)
                throw new SpreadsheetException("Import.TooManyRows", MaxRows);
        }
        if (kept.Count == 0)
            throw new SpreadsheetException("Import.EmptyFile");
        return new SpreadsheetTable(kept[0].Cells, kept.Skip(1).ToList());
    }

    private static string CleanCell(string cell)
    {
        var clean = TextCleaning.SingleLine(cell);
        return clean.Length > MaxCellLength ? clean[..MaxCellLength] : clean;
    }

    // ---- CSV ----

    private static List<(int Line, List<string> Cells)> ReadCsv(byte[] content)
    {
        string text;
        if (content is [0xFF, 0xFE, ..])
            text = Decode(new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true), content, 2);
        else if (content is [0xFE, 0xFF, ..])
            text = Decode(new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true), content, 2);
        else
            text = Decode(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), content, content is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0);
        // Text never holds NUL: a file that does is a binary one renamed.
        if (text.Contains('\0', StringComparison.Ordinal))
            throw new SpreadsheetException("Import.NotCsv");
        return ParseCsv(text);
    }

    private static string Decode(Encoding encoding, byte[] content, int skip)
    {
        try
        {
            return encoding.GetString(content, skip, content.Length - skip);
        }
        catch (DecoderFallbackException)
        {
            throw new SpreadsheetException("Import.NotCsv");
        }
    }

    /// <summary>RFC 4180: quoted fields may hold the separator, quotes ("") and line breaks. The separator is the first line's commonest of , ; and tab.</summary>
    internal static List<(int Line, List<string> Cells)> ParseCsv(string text)
    {
        var separator = GuessSeparator(text);
        var rows = new List<(int, List<string>)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var line = 1;
        var rowLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else
                {
                    if (c == '\n') line++;
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0) quoted = true;
            else if (c == separator) { cells.Add(cell.ToString()); cell.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                cells.Add(cell.ToString());
                cell.Clear();
                rows.Add((rowLine, cells));
                cells = [];
                line++;
                rowLine = line;
                if (rows.Count > MaxRows + 1 + 10_000)
                    throw new SpreadsheetException("Import.TooManyRows", MaxRows);
            }
            else cell.Append(c);
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            rows.Add((rowLine, cells));
        }
        return rows;
    }

    private static readonly char[] Separators = [',', ';', '\t'];

    private static char GuessSeparator(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var first = end < 0 ? text : text[..end];
        return Separators.OrderByDescending(s => first.Count(c => c == s)).First();
    }

    // ---- XLSX ----

    private static List<(int Line, List<string> Cells)> ReadWorkbook(byte[] content)
    {
        // A workbook is a zip archive ("PK\x03\x04"); a PDF, an image or an old .xls is not.
        if (content is not [0x50, 0x4B, 0x03, 0x04, ..])
            throw new SpreadsheetException("Import.NotXlsx");
        CheckExpandedSize(content);
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxExpandedBytes });
            var workbook = document.WorkbookPart ?? throw new SpreadsheetException("Import.NotXlsx");
            var sheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new SpreadsheetException("Import.EmptyFile");
            if (sheet.Id?.Value is not { } partId || workbook.GetPartById(partId) is not WorksheetPart worksheet)
                throw new SpreadsheetException("Import.EmptyFile");
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            return ReadSheet(worksheet, shared);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or InvalidOperationException
                                      or ArgumentException or IOException or FormatException)
        {
            throw new SpreadsheetException("Import.NotXlsx");
        }
    }

    /// <summary>
    /// Inflates every part of the archive, counting, and stops at <see cref="MaxExpandedBytes"/>: the sizes an archive
    /// declares can lie, what comes out of the decompressor cannot.
    /// </summary>
    private static void CheckExpandedSize(byte[] content)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (archive.Entries.Count > MaxParts)
                throw new SpreadsheetException("Import.TooLargeExpanded", MaxExpandedBytes / (1024 * 1024));
            if (archive.Entries.Sum(e => e.Length) > MaxExpandedBytes)
                throw new SpreadsheetException("Import.TooLargeExpanded", MaxExpandedBytes / (1024 * 1024));
            var buffer = new byte[81920];
            long total = 0;
            foreach (var entry in archive.Entries)
            {
                using var part = entry.Open();
                int read;
                while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > MaxExpandedBytes)
                        throw new SpreadsheetException("Import.TooLargeExpanded", MaxExpandedBytes / (1024 * 1024));
                }
            }
        }
        catch (InvalidDataException)
        {
            throw new SpreadsheetException("Import.NotXlsx");
        }
    }

    private static List<(int Line, List<string> Cells)> ReadSheet(WorksheetPart worksheet, List<string> shared)
    {
        var rows = new List<(int, List<string>)>();
        using var reader = OpenXmlReader.Create(worksheet);
        var nextLine = 1;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            var line = row.RowIndex?.Value is { } index ? (int)Math.Min(index, int.MaxValue) : nextLine;
            nextLine = line + 1;
            var cells = new List<string>();
            var next = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
                next = column + 1;
                if (column >= MaxColumns) continue;
                while (cells.Count < column) cells.Add("");
                cells.Add(CellText(cell, shared));
            }
            if (cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                rows.Add((line, cells));
                if (rows.Count > MaxRows + 1)
                    throw new SpreadsheetException("Import.TooManyRows", MaxRows);
            }
        }
        return rows;
    }

    /// <summary>"C12" → 2.</summary>
    internal static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z') break;
            index = index * 26 + (c - 'A' + 1);
            if (index > 20_000) break;
        }
        return Math.Max(0, index - 1);
    }

    /// <summary>What the cell says as text. A formula is its own text, never its result: the portal evaluates nothing.</summary>
    private static string CellText(Cell cell, List<string> shared)
    {
        if (cell.CellFormula is { } formula && !string.IsNullOrEmpty(formula.Text))
            return "=" + formula.Text;
        var value = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i] : "";
        if (cell.DataType?.Value == CellValues.InlineString)
            return cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.Boolean)
            return value == "1" ? "TRUE" : "FALSE";
        return value;
    }
}
