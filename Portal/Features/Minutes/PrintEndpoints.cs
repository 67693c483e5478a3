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

        meetings.MapGet("/minutes.pdf", async (int id, string? lang, int? version, MinutesPdfService service, PdfPrinter printer, AuditService audit, HttpContext http, CancellationToken cancellationToken) =>
        {
            if (await service.LoadAsync(id, version, cancellationToken) is not { } printable) return Results.NotFound();
            var language = PrintLanguages.Parse(lang);
            var html = await service.MinutesHtmlAsync(printable, language);
            var fileName = PrintLanguages.MinutesFileName(printable.Document, language);
            return await printer.DownloadAsync(http.User, html, fileName, () => audit.RecordAsync(nameof(Meeting), id.ToString(CultureInfo.InvariantCulture), AuditAction.Exported,
                new { Document = "minutes.pdf", Language = PrintLanguages.Code(language), Version = version, printable.Draft }), cancellationToken);
        });

        // The same minutes as an editable Word document: the same loading (and so the same rule on who gets which version).
        meetings.MapGet("/minutes.docx", async (int id, string? lang, int? version, MinutesPdfService service, AuditService audit, HttpContext http, CancellationToken cancellationToken) =>
        {
            if (await service.LoadAsync(id, version, cancellationToken) is not { } printable) return Results.NotFound();
            var language = PrintLanguages.Parse(lang);
            var docx = MinutesWordDocument.Build(printable, language);
            await audit.RecordAsync(nameof(Meeting), id.ToString(CultureInfo.InvariantCulture), AuditAction.Exported,
                new { Document = "minutes.docx", Language = PrintLanguages.Code(language), Version = version, printable.Draft }, cancellationToken);
            http.Response.Headers.ContentDisposition = PrintLanguages.MinutesFileName(printable.Document, language, ".docx").ContentDisposition;
            return Results.Bytes(docx, MinutesWordDocument.ContentType);
        });

        meetings.MapGet("/attendance-sheet.pdf", async (int id, MinutesPdfService service, Features.CheckIn.CheckInService checkIn, PdfPrinter printer, AuditService audit, HttpContext http, CancellationToken cancellationToken) =>
        {
            if (await service.LoadAsync(id, cancellationToken: cancellationToken) is not { } printable) return Results.NotFound();
            var html = await service.AttendanceSheetHtmlAsync(printable, await checkIn.SheetLinkAsync(id, cancellationToken));
            return await printer.DownloadAsync(http.User, html, PrintLanguages.AttendanceSheetFileName(printable.Document),
                () => audit.RecordAsync(nameof(Meeting), id.ToString(CultureInfo.InvariantCulture), AuditAction.Exported, new { Document = "attendance-sheet.pdf" }), cancellationToken);
        });
        return app;
    }
}
