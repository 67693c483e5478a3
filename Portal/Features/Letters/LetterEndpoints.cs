using Portal.Auth;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Features.Meetings;
using Portal.Features.Minutes;
using Portal.Hosting;
using Portal.Printing;

namespace Portal.Features.Letters;

public static class LetterEndpoints
{
    public static IEndpointRouteBuilder MapLetterEndpoints(this IEndpointRouteBuilder app)
    {
        // Printing a letter gives it its number, so only those who send letters print them.
        app.MapGet("/meetings/{id:int}/letters.pdf", async (int id, int? organization, LetterService letters, PdfPrinter printer,
            AuditService audit, HttpContext http, CancellationToken cancellationToken) =>
        {
            var printed = await letters.IssueAsync(id, organization, cancellationToken);
            if (printed.Count == 0) return Results.NotFound();
            var html = await letters.HtmlAsync(printed);
            var meeting = printed[0].Meeting;
            var name = printed.Count == 1
                ? new DownloadName(PrintLanguages.FileName(meeting.Date, $"{printed[0].Number} {printed[0].Addressee.NameTh}", " หนังสือเชิญ"),
                    PrintLanguages.FileName(meeting.Date, $"invitation {printed[0].Addressee.Id}"))
                : new DownloadName(PrintLanguages.FileName(meeting.Date, meeting.TitleTh, " หนังสือเชิญ"), PrintLanguages.FileName(meeting.Date, "invitations"));
            return await printer.DownloadAsync(http.User, html, name, () => audit.RecordAsync(nameof(Meeting), id.ToString(CultureInfo.InvariantCulture),
                AuditAction.Exported, new { Document = "letters.pdf", Letters = printed.Select(l => l.Number).ToArray() }), cancellationToken);
        }).RequireAuthorization(Policies.RegisterEditors).HoldsPersonalData();
        return app;
    }
}
