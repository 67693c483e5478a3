using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Printing;

/// <summary>
/// Chromium writes a PDF's title but not its author. This appends an incremental update (PDF 1.7, section 7.5.6) with a
/// new document-information dictionary; the original bytes stay as they were, as every reader expects.
/// </summary>
public static partial class PdfMetadata
{
    public static byte[] WithInfo(byte[] pdf, string title, string author, DateTime createdUtc)
    {
        var tail = Encoding.Latin1.GetString(pdf, Math.Max(0, pdf.Length - 2048), Math.Min(2048, pdf.Length));
        var trailer = Trailer().Matches(tail).LastOrDefault();
        var startXref = StartXref().Matches(tail).LastOrDefault();
        if (trailer is null || startXref is null)
            return pdf;   // a cross-reference stream or something unexpected: leave the document untouched
        var size = int.Parse(trailer.Groups["size"].Value, CultureInfo.InvariantCulture);
        var root = trailer.Groups["root"].Value;
        var created = createdUtc.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

        var update = new StringBuilder();
        update.Append('\n');
        var objectOffset = pdf.Length + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"{size} 0 obj\n<</Title {Text(title)} /Author {Text(author)} /Creator {Text("KKTT Partner Portal")} ")
            .Append(CultureInfo.InvariantCulture, $"/Producer {Text("Chromium (Skia/PDF)")} /CreationDate (D:{created}Z) /ModDate (D:{created}Z)>>\nendobj\n");
        var xrefOffset = pdf.Length + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"xref\n{size} 1\n{objectOffset:D10} 00000 n \n")
            .Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {size + 1} /Root {root} /Info {size} 0 R /Prev {startXref.Groups[1].Value}>>\n")
            .Append(CultureInfo.InvariantCulture, $"startxref\n{xrefOffset}\n%%EOF\n");
        return [.. pdf, .. Encoding.Latin1.GetBytes(update.ToString())];
    }

    /// <summary>A PDF text string in UTF-16BE with its byte-order mark, as hex: any Thai title survives.</summary>
    private static string Text(string value) => "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";

    [GeneratedRegex(@"trailer\s*<<(?=[^>]*/Size\s+(?<size>\d+))(?=[^>]*/Root\s+(?<root>\d+\s+\d+\s+R))", RegexOptions.Singleline)]
    private static partial Regex Trailer();

    [GeneratedRegex(@"startxref\s+(\d+)\s+%%EOF")]
    private static partial Regex StartXref();
}
