using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Portal.Tests.Infrastructure;

/// <summary>Excel workbooks made in the test, part by part, so that a test can also make the broken and hostile ones.</summary>
public static class Workbooks
{
    /// <summary>A workbook whose first sheet holds these rows; a cell written "{=SUM(A1)}" is a formula cell with a cached result of 42.</summary>
    public static byte[] Xlsx(IEnumerable<string[]> rows)
    {
        var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        var r = 1;
        foreach (var row in rows)
        {
            sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{r}\">");
            for (var c = 0; c < row.Length; c++)
            {
                var reference = $"{(char)('A' + c)}{r}";
                var value = row[c];
                if (value.StartsWith("{=", StringComparison.Ordinal) && value.EndsWith('}'))
                    sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><f>{SecurityElement.Escape(value[2..^1])}</f><v>42</v></c>");
                else
                    sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{SecurityElement.Escape(value)}</t></is></c>");
            }
            sheet.Append("</row>");
            r++;
        }
        sheet.Append("</sheetData></worksheet>");
        return Package(archive => Write(archive, "xl/worksheets/sheet1.xml", sheet.ToString()));
    }

    /// <summary>A small file whose sheet inflates to <paramref name="megabytes"/> MB of spaces: a zip bomb.</summary>
    public static byte[] ZipBomb(int megabytes) => Package(archive =>
    {
        var entry = archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize);
        using var stream = entry.Open();
        var head = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        stream.Write(head);
        var spaces = Encoding.ASCII.GetBytes(new string(' ', 1024 * 1024));
        for (var i = 0; i < megabytes; i++) stream.Write(spaces);
        stream.Write(Encoding.UTF8.GetBytes("</sheetData></worksheet>"));
    });

    private static byte[] Package(Action<ZipArchive> writeSheet)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(archive, "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "</Types>");
            Write(archive, "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
            Write(archive, "xl/workbook.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Write(archive, "xl/_rels/workbook.xml.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "</Relationships>");
            writeSheet(archive);
        }
        return buffer.ToArray();
    }

    private static void Write(ZipArchive archive, string name, string content)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }

    /// <summary>A CSV file as Excel writes "CSV UTF-8": a byte-order mark, CRLF, quotes where needed.</summary>
    public static byte[] Csv(IEnumerable<string[]> rows, bool bom = true)
    {
        var text = string.Concat(rows.Select(row => string.Join(',', row.Select(c => c.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{c.Replace("\"", "\"\"")}\"" : c)) + "\r\n"));
        var bytes = Encoding.UTF8.GetBytes(text);
        return bom ? [.. Encoding.UTF8.GetPreamble(), .. bytes] : bytes;
    }
}
