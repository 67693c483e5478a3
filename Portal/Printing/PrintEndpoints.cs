using Portal.Features.Audit;
using Portal.Features.Meetings;
using Portal.Hosting;

namespace Portal.Printing;

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

        meetings.MapGet("/minutes.pdf", async (int id, string? lang, int? version, MinutesPdfService service, AuditService audit, CancellationToken cancellationToken) =>
        {
            if (await service.LoadAsync(id, version, cancellationToken) is not { } printable) return Results.NotFound();
            var language = PrintLanguages.Parse(lang);
            var html = await service.MinutesHtmlAsync(printable, language);
            var fileName = PrintLanguages.FileName(printable.Document.Date, printable.Document.Title(language != PrintLanguage.English));
            return await PdfResultAsync(service, html, fileName, () => audit.RecordAsync(nameof(Meeting), id.ToString(), AuditAction.Exported,
                new { Document = "minutes.pdf", Language = PrintLanguages.Code(language), Version = version, printable.Draft }), cancellationToken);
        });

        meetings.MapGet("/attendance-sheet.pdf", async (int id, MinutesPdfService service, AuditService audit, CancellationToken cancellationToken) =>
        {
            if (await service.LoadAsync(id, cancellationToken: cancellationToken) is not { } printable) return Results.NotFound();
            var html = await service.AttendanceSheetHtmlAsync(printable);
            return await PdfResultAsync(service, html, PrintLanguages.FileName(printable.Document.Date, printable.Document.Title(true), " ใบลงชื่อ"),
                () => audit.RecordAsync(nameof(Meeting), id.ToString(), AuditAction.Exported, new { Document = "attendance-sheet.pdf" }), cancellationToken);
        });
        return app;
    }

    /// <summary>The PDF as a download; what was handed out is recorded in the audit log once it has been printed.</summary>
    private static async Task<IResult> PdfResultAsync(MinutesPdfService service, string html, string fileName, Func<Task> recordExport, CancellationToken cancellationToken)
    {
        try
        {
            var pdf = await service.PdfAsync(html, cancellationToken);
            await recordExport();
            return Results.File(pdf, "application/pdf", fileName);
        }
        catch (ChromiumMissingException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "PDF printing is not available");
        }
    }
}
