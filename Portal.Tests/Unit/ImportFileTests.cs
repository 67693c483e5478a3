using System.Text;
using Portal.Features.Import;

namespace Portal.Tests.Unit;

/// <summary>Hostile and broken files, made in the test: each is refused with its own message, or read as plain text.</summary>
public class ImportFileTests
{
    private static string RefusalOf(string fileName, byte[] content) =>
        Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Read(fileName, content)).Error.Key;

    [Fact]
    public void A_workbook_is_read_from_its_first_sheet_with_Thai_text()
    {
        var table = SpreadsheetReader.Read("รายชื่อ.xlsx", Workbooks.Xlsx([["ชื่อ-นามสกุล", "หน่วยงาน"], ["นายสมชาย ใจดี", "มข."], ["", ""], ["Mrs. Melinda Good", "WB"]]));
        Assert.Equal(["ชื่อ-นามสกุล", "หน่วยงาน"], table.Headings);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(("นายสมชาย ใจดี", 2), (table.Rows[0].Cell(0), table.Rows[0].Line));
        Assert.Equal(("WB", 4), (table.Rows[1].Cell(1), table.Rows[1].Line));
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_the_spreadsheet_library_opens_it()
    {
        var bomb = Workbooks.ZipBomb(megabytes: 100);
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb is {bomb.Length} bytes");
        Assert.Equal("Import.TooLargeExpanded", RefusalOf("bomb.xlsx", bomb));
    }

    [Fact]
    public void A_pdf_renamed_xlsx_a_binary_renamed_csv_and_an_empty_file_are_refused_by_their_content()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF");
        Assert.Equal("Import.NotXlsx", RefusalOf("attendees.xlsx", pdf));
        var binary = new byte[4096];
        new Random(7).NextBytes(binary);
        Assert.Equal("Import.NotCsv", RefusalOf("attendees.csv", binary));
        Assert.Equal("Import.NotCsv", RefusalOf("attendees.csv", [0x41, 0x00, 0x42, 0x0A]));
        Assert.Equal("Import.EmptyFile", RefusalOf("attendees.csv", []));
        Assert.Equal("Import.EmptyFile", RefusalOf("attendees.csv", Encoding.UTF8.GetPreamble()));
        Assert.Equal("Import.WrongType", RefusalOf("attendees.pdf", pdf));
        // A zip archive that is not a workbook (a .docx, a plain zip) is not one either.
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            archive.CreateEntry("hello.txt");
        Assert.Equal("Import.NotXlsx", RefusalOf("attendees.xlsx", zip.ToArray()));
    }

    [Fact]
    public void More_rows_than_the_limit_are_refused_and_the_limit_itself_is_accepted()
    {
        var header = new[] { "ชื่อ-นามสกุล" };
        var rows = Enumerable.Range(1, SpreadsheetReader.MaxRows + 1).Select(i => new[] { $"คนที่ {i}" }).ToList();
        Assert.Equal("Import.TooManyRows", RefusalOf("big.xlsx", Workbooks.Xlsx([header, .. rows])));
        Assert.Equal("Import.TooManyRows", RefusalOf("big.csv", Workbooks.Csv([header, .. rows])));
        Assert.Equal(SpreadsheetReader.MaxRows, SpreadsheetReader.Read("ok.xlsx", Workbooks.Xlsx([header, .. rows.Take(SpreadsheetReader.MaxRows)])).Rows.Count);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused()
    {
        var big = new byte[SpreadsheetReader.MaxBytes + 1];
        Array.Fill(big, (byte)'a');
        Assert.Equal("Import.TooLarge", RefusalOf("big.csv", big));
    }

    [Fact]
    public void Formulas_are_kept_as_their_text_and_never_evaluated()
    {
        var workbook = SpreadsheetReader.Read("f.xlsx", Workbooks.Xlsx([["Name", "Organization"], ["{=HYPERLINK(\"http://evil.example\",\"x\")}", "=1+2"]]));
        Assert.Equal("=HYPERLINK(\"http://evil.example\",\"x\")", workbook.Rows[0].Cell(0));
        Assert.Equal("=1+2", workbook.Rows[0].Cell(1));
        var csv = SpreadsheetReader.Read("f.csv", Workbooks.Csv([["Name", "Phone"], ["=cmd|' /C calc'!A0", "+66 81 234 5678"], ["@SUM(1)", "-1"]]));
        Assert.Equal(["=cmd|' /C calc'!A0", "+66 81 234 5678"], csv.Rows[0].Cells);
        Assert.Equal(["@SUM(1)", "-1"], csv.Rows[1].Cells);
    }

    [Fact]
    public void Csv_with_or_without_bom_quoted_line_breaks_semicolons_and_utf16_are_read()
    {
        var text = "ชื่อ-นามสกุล,หน่วยงาน\r\n\"ใจดี, สมชาย\",\"มหาวิทยาลัย\nขอนแก่น\"\r\n";
        Assert.Equal(["ใจดี, สมชาย", "มหาวิทยาลัย ขอนแก่น"], SpreadsheetReader.Read("a.csv", Encoding.UTF8.GetBytes(text)).Rows[0].Cells);
        Assert.Equal(["ใจดี, สมชาย", "มหาวิทยาลัย ขอนแก่น"], SpreadsheetReader.Read("a.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]).Rows[0].Cells);
        Assert.Equal(["สมชาย", "มข."], SpreadsheetReader.Read("a.csv", Encoding.UTF8.GetBytes("ชื่อ;หน่วยงาน\nสมชาย;มข.\n")).Rows[0].Cells);
        Assert.Equal(["สมชาย", "มข."], SpreadsheetReader.Read("a.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("ชื่อ\tหน่วยงาน\r\nสมชาย\tมข.\r\n")]).Rows[0].Cells);
        // Windows-874 (TIS-620) is not UTF-8: refused with the hint to save as CSV UTF-8, not read as mojibake.
        Assert.Equal("Import.NotCsv", RefusalOf("a.csv", [0xCA, 0xC1, 0xAA, 0xD2, 0xC2, 0x0D, 0x0A]));
    }

    [Fact]
    public void Control_characters_and_bidi_overrides_are_removed_as_from_all_stored_text()
    {
        var table = SpreadsheetReader.Read("a.csv", Workbooks.Csv([["Name", "Organization"], ["สม\u202Eชาย\u0007 ใจดี", "World\u0001 Bank\u2066"]]));
        Assert.Equal(["สมชาย ใจดี", "World Bank"], table.Rows[0].Cells);
    }

    [Theory]
    [InlineData("attendees", ImportKind.Attendees)]
    [InlineData("people", ImportKind.People)]
    [InlineData("organizations", ImportKind.Organizations)]
    public void The_sample_files_offered_for_download_are_read_with_every_heading_recognised(string name, ImportKind kind)
    {
        foreach (var extension in new[] { ".xlsx", ".csv" })
        {
            var path = Path.Combine(RepositoryRoot.Path, "Portal", "wwwroot", "samples", name + extension);
            var table = SpreadsheetReader.Read(path, File.ReadAllBytes(path));
            Assert.NotEmpty(table.Rows);
            Assert.Equal(table.Headings.Count, ImportColumns.Find(table.Headings, kind).Count);
        }
    }
}
