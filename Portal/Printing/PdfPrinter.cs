using System.Security.Claims;
using System.Text.RegularExpressions;
using Portal.Localization;

namespace Portal.Printing;

/// <summary>Any print document as a PDF, and as a download that tells the user why when it cannot be printed.</summary>
public partial class PdfPrinter(ChromiumPdf chromium, PrintQuota quota, TimeProvider clock)
{
    /// <summary>The PDF of a print document, with its title and the portal as author in the document information.</summary>
    public async Task<byte[]> PdfAsync(string html, CancellationToken cancellationToken = default)
    {
        var pdf = await chromium.PrintAsync(html, cancellationToken);
        var title = TitleTag().Match(html) is { Success: true } match ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value) : "";
        return PdfMetadata.WithInfo(pdf, title, BilingualText.Get("App.Name", html.Contains("<html lang=\"th\"", StringComparison.Ordinal)), clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>
    /// The PDF as a download; what was handed out is recorded (<paramref name="recordExport"/>) once it has been printed.
    /// When it cannot be printed the user gets a page that says why (413, 429 or 503), never a bare error.
    /// </summary>
    public async Task<IResult> DownloadAsync(ClaimsPrincipal user, string html, DownloadName fileName, Func<Task> recordExport, CancellationToken cancellationToken)
    {
        using var turn = quota.TryEnter(user);
        if (turn is null) return PrintRefusal.TooMany();
        try
        {
            var pdf = await PdfAsync(html, cancellationToken);
            await recordExport();
            return new PdfDownload(pdf, fileName);
        }
        catch (DocumentTooLargeException e)
        {
            return PrintRefusal.TooLarge(e.Characters, e.Limit);
        }
        catch (ChromiumMissingException)
        {
            return PrintRefusal.Missing();
        }
        catch (PrinterUnavailableException)
        {
            return PrintRefusal.Unavailable();
        }
    }

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex TitleTag();
}

/// <summary>A download's file name: in full (<c>filename*</c>, UTF-8) and in plain ASCII (<c>filename</c>).</summary>
public sealed record DownloadName(string Unicode, string Ascii)
{
    public string ContentDisposition => $"attachment; filename=\"{Ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(Unicode)}";
}

/// <summary>A PDF sent as a download under its <see cref="DownloadName"/>.</summary>
public sealed class PdfDownload(byte[] pdf, DownloadName name) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = "application/pdf";
        httpContext.Response.ContentLength = pdf.Length;
        httpContext.Response.Headers.ContentDisposition = name.ContentDisposition;
        await httpContext.Response.Body.WriteAsync(pdf, httpContext.RequestAborted);
    }
}
