using Portal.Data;
using Portal.Features.Audit;
using Portal.Features.Meetings;
using Portal.Hosting;
using Portal.Printing;

namespace Portal.Features.Minutes;

public static class PrintEndpoints
{
    /// <summary>Print HTML runs no script and fetches nothing: its fonts are inline.</summary>
    private const string PreviewPolicy = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; frame-ancestors 'self'";

    public static IEndpointRouteBuilder MapPrintEndpoints(this IEndpointRouteBuilder app)
    {
        var meetings = app.MapGroup("/meetings/{id:int}").RequireAuthorization().HoldsPersonalData();

        meetings.MapGet("/minutes", async (int id, string? lang, int? version, MinutesPdfService service, HttpContext http, CancellationToken cancellationToken) =>
        {
            if (await service.LoadAsync(id, version, cancellationToken) is not { } printable) return Results.NotFound();
            http.Response.Headers.ContentSecurityPolicy = PreviewPolicy;
            return Results.Content(await service.MinutesHtmlAsync(printable, PrintLanguages.Parse(lang)), "text/html; charset=utf-8");
        });

        meetings.MapGet("/minutes.pdf", async (int id, string? lang, int? version, MinutesPdfService service, AuditService audit, PrintQuota quota, HttpContext http, CancellationToken cancellationToken) =>
        {
            if (await service.LoadAsync(id, version, cancellationToken) is not { } printable) return Results.NotFound();
            var language = PrintLanguages.Parse(lang);
            var html = await service.MinutesHtmlAsync(printable, language);
            var fileName = PrintLanguages.MinutesFileName(printable.Document, language);
            return await PdfResultAsync(service, quota, http.User, html, fileName, () => audit.RecordAsync(nameof(Meeting), id.ToString(CultureInfo.InvariantCulture), AuditAction.Exported,
                new { Document = "minutes.pdf", Language = PrintLanguages.Code(language), Version = version, printable.Draft }), cancellationToken);
        });

        meetings.MapGet("/attendance-sheet.pdf", async (int id, MinutesPdfService service, Features.CheckIn.CheckInService checkIn, AuditService audit, PrintQuota quota, HttpContext http, CancellationToken cancellationToken) =>
        {
            if (await service.LoadAsync(id, cancellationToken: cancellationToken) is not { } printable) return Results.NotFound();
            var html = await service.AttendanceSheetHtmlAsync(printable, await checkIn.SheetLinkAsync(id, cancellationToken));
            return await PdfResultAsync(service, quota, http.User, html, PrintLanguages.AttendanceSheetFileName(printable.Document),
                () => audit.RecordAsync(nameof(Meeting), id.ToString(CultureInfo.InvariantCulture), AuditAction.Exported, new { Document = "attendance-sheet.pdf" }), cancellationToken);
        });
        return app;
    }

    /// <summary>
    /// The PDF as a download; what was handed out is recorded in the audit log once it has been printed. When it cannot be
    /// printed the user gets a page that says why (413, 429 or 503), never a bare error.
    /// </summary>
    private static async Task<IResult> PdfResultAsync(MinutesPdfService service, PrintQuota quota, System.Security.Claims.ClaimsPrincipal user,
        string html, DownloadName fileName, Func<Task> recordExport, CancellationToken cancellationToken)
    {
        using var turn = quota.TryEnter(user);
        if (turn is null) return PrintRefusal.TooMany();
        try
        {
            var pdf = await service.PdfAsync(html, cancellationToken);
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
}
