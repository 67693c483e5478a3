using Portal.Auth;
using Portal.Data;
using Portal.Exports;
using Portal.Hosting;
using Portal.Features.Audit;
using Portal.Localization;
using Portal.Printing;

namespace Portal.Features.Reports;

/// <summary>The engagement report as PDF (through the portal's printer) and as an Excel workbook, for KKTT's own users only.</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/reports").RequireAuthorization(Policies.InternalUsers).HoldsPersonalData();

        reports.MapGet("/engagement.pdf", async (string? from, string? to, int? org, string? lang, ReportService service, PrintHtml printHtml, PdfPrinter printer,
            AuditService audit, HttpContext http, CancellationToken cancellationToken) =>
        {
            if (Query(from, to, org) is not { } query) return Results.BadRequest();
            var thai = lang != "en";
            var report = await service.EngagementAsync(query, cancellationToken);
            // Not through ThaiWords.KeepTogetherInHtml: its no-wrap elements inside the charts' SVG text would end the SVG.
            var html = await printHtml.RenderAsync<ReportPrint>(new Dictionary<string, object?>
            {
                [nameof(ReportPrint.Report)] = report, [nameof(ReportPrint.Thai)] = thai,
            });
            return await printer.DownloadAsync(http.User, html, ReportWorkbook.FileName(report, thai, ".pdf"),
                () => audit.RecordAsync("Report", "engagement", AuditAction.Exported, new { Document = "engagement.pdf", from, to, org }), cancellationToken);
        });

        reports.MapGet("/engagement.xlsx", async (string? from, string? to, int? org, string? lang, ReportService service, AuditService audit,
            HttpContext http, CancellationToken cancellationToken) =>
        {
            if (Query(from, to, org) is not { } query) return Results.BadRequest();
            var thai = lang != "en";
            var report = await service.EngagementAsync(query, cancellationToken);
            await audit.RecordAsync("Report", "engagement", AuditAction.Exported, new { Document = "engagement.xlsx", from, to, org }, cancellationToken);
            http.Response.Headers.ContentDisposition = ReportWorkbook.FileName(report, thai, ".xlsx").ContentDisposition;
            return Results.Bytes(ReportWorkbook.Build(report, thai), Workbook.ContentType);
        });
        return app;
    }

    /// <summary>Both dates as ISO dates, the start not after the end, and a period of at most 20 years.</summary>
    private static ReportQuery? Query(string? from, string? to, int? org) =>
        ReportAddress.ParseIso(from) is { } start && ReportAddress.ParseIso(to) is { } end && start <= end && end.DayNumber - start.DayNumber <= 366 * 20
            ? new ReportQuery(start, end, org) : null;
}
