namespace Portal.Printing;

public static class PrintEndpoints
{
    /// <summary>Print HTML runs no script and fetches nothing: its fonts are inline.</summary>
    private const string PreviewPolicy = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; frame-ancestors 'self'";

    public static IEndpointRouteBuilder MapPrintEndpoints(this IEndpointRouteBuilder app)
    {
        var meetings = app.MapGroup("/meetings/{id:int}").RequireAuthorization();

        meetings.MapGet("/minutes", async (int id, string? lang, int? version, MinutesPdfService service, HttpContext http, CancellationToken cancellationToken) =>
        {
            if (await service.LoadAsync(id, version, cancellationToken) is not { } printable) return Results.NotFound();
            http.Response.Headers.ContentSecurityPolicy = PreviewPolicy;
            return Results.Content(await service.MinutesHtmlAsync(printable, PrintLanguages.Parse(lang)), "text/html; charset=utf-8");
        });

        meetings.MapGet("/minutes.pdf", async (int id, string? lang, int? version, MinutesPdfService service, CancellationToken cancellationToken) =>
        {
            if (await service.LoadAsync(id, version, cancellationToken) is not { } printable) return Results.NotFound();
            var language = PrintLanguages.Parse(lang);
            var html = await service.MinutesHtmlAsync(printable, language);
            return await PdfResultAsync(service, html, PrintLanguages.FileName(printable.Document.Date, printable.Document.Title(language != PrintLanguage.English)), cancellationToken);
        });

        meetings.MapGet("/attendance-sheet.pdf", async (int id, MinutesPdfService service, CancellationToken cancellationToken) =>
        {
            if (await service.LoadAsync(id, cancellationToken: cancellationToken) is not { } printable) return Results.NotFound();
            var html = await service.AttendanceSheetHtmlAsync(printable);
            return await PdfResultAsync(service, html, PrintLanguages.FileName(printable.Document.Date, printable.Document.Title(true), " ใบลงชื่อ"), cancellationToken);
        });
        return app;
    }

    private static async Task<IResult> PdfResultAsync(MinutesPdfService service, string html, string fileName, CancellationToken cancellationToken)
    {
        try
        {
            return Results.File(await service.PdfAsync(html, cancellationToken), "application/pdf", fileName);
        }
        catch (ChromiumMissingException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "PDF printing is not available");
        }
    }
}
