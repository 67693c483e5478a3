using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Portal.Localization;

namespace Portal.Exports;

/// <summary>
/// An Excel workbook of plain tables, a sheet per table: dates are date cells (a serial number shown as yyyy-mm-dd),
/// numbers are numbers, and text is an inline string, which a spreadsheet never reads as a formula whatever it starts with.
/// </summary>
public sealed class Workbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private readonly List<(string Name, List<object?[]> Rows, double[] Widths)> sheets = [];

    /// <summary>Adds a sheet whose first row is <paramref name="header"/> (bold); cells are string, int, double, decimal, DateOnly or null.</summary>
    public Workbook Sheet(string name, IReadOnlyList<string> header, IEnumerable<object?[]> rows, params double[] widths)
    {
        sheets.Add((SheetName(name), [header.Cast<object?>().Select(h => (object?)new Header((string)h!)).ToArray(), .. rows], widths));
        return this;
    }

    /// <summary>A header cell, written bold.</summary>
    private sealed record Header(string Text);

    /// <summary>A share from 0 to 1, written as a number shown as a percentage.</summary>
    public sealed record Percent(double Value);

    public byte[] Build()
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, rows, widths) in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                uint r = 1;
                foreach (var row in rows)
                {
                    var xmlRow = new Row { RowIndex = r };
                    for (var c = 0; c < row.Length; c++)
                        if (Cell(row[c]) is { } cell)
                        {
                            cell.CellReference = Column(c) + r;
                            xmlRow.Append(cell);
                        }
                    data.Append(xmlRow);
                    r++;
                }
                var worksheet = new Worksheet();
                if (widths.Length > 0)
                    worksheet.Append(new Columns(widths.Select((w, i) => new DocumentFormat.OpenXml.Spreadsheet.Column
                        { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })));
                worksheet.Append(data);
                part.Worksheet = worksheet;
                sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = name });
            }
        }
        return buffer.ToArray();
    }

    private const uint DateStyle = 1, HeaderStyle = 2, PercentStyle = 3;

    private static Cell? Cell(object? value) => value switch
    {
        null => null,
        Header h => new Cell { DataType = CellValues.InlineString, StyleIndex = HeaderStyle, InlineString = new InlineString(new Text(h.Text)) },
        string s => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Clean(s)) { Space = SpaceProcessingModeValues.Preserve }) },
        DateOnly d => new Cell { StyleIndex = DateStyle, CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)) },
        Percent p => new Cell { StyleIndex = PercentStyle, CellValue = new CellValue(p.Value) },
        int i => new Cell { CellValue = new CellValue(i) },
        double n => new Cell { CellValue = new CellValue(n) },
        decimal n => new Cell { CellValue = new CellValue(n) },
        _ => throw new ArgumentException($"A workbook cell cannot hold a {value.GetType().Name}."),
    };

    /// <summary>XML cannot carry most control characters; a name pasted with one keeps the rest of its text.</summary>
    private static string Clean(string text) => new([.. text.Where(ch => ch is '\t' or '\n' or '\r' || !char.IsControl(ch))]);

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);

    /// <summary>Excel refuses sheet names over 31 characters or with []:*?/\ in them.</summary>
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Select(ch => "[]:*?/\\".Contains(ch) ? ' ' : ch)]).Trim();
        return TextShortening.Shorten(clean, 31);
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 9, ApplyNumberFormat = true }) { Count = 4 });
}
