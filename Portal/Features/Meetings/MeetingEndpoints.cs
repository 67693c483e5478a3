using System.Net.Mime;
using Microsoft.Net.Http.Headers;
using Portal.Hosting;
using Portal.Localization;
using Portal.Features.Minutes;

namespace Portal.Features.Meetings;

/// <summary>The meeting downloads that are files rather than pages: calendar entries and attachments.</summary>
public static class MeetingEndpoints
{
    public static IEndpointRouteBuilder MapMeetingEndpoints(this IEndpointRouteBuilder app)
    {
        var meetings = app.MapGroup("/meetings").RequireAuthorization().HoldsPersonalData();

        meetings.MapGet("/calendar.ics", async (MeetingListService service, PublicAddress portal, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var all = await service.FeedAsync(cancellationToken);
            var thai = PortalCultures.IsThai();
            var text = MeetingCalendar.Write(all, portal.BaseUri, thai, clock.GetUtcNow().UtcDateTime, BilingualText.Get("App.Name", thai));
            return Results.Text(text, MeetingCalendar.ContentType);
        });

        meetings.MapGet("/{id:int}/calendar.ics", async (int id, MeetingListService service, PublicAddress portal, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var meeting = await service.FindAsync(id, cancellationToken);
            if (meeting is null) return Results.NotFound();
            var thai = PortalCultures.IsThai();
            var text = MeetingCalendar.Write([meeting], portal.BaseUri, thai, clock.GetUtcNow().UtcDateTime, meeting.Title(thai));
            return Results.File(System.Text.Encoding.UTF8.GetBytes(text), MeetingCalendar.ContentType, MeetingCalendar.FileName(meeting));
        });

        meetings.MapGet("/{id:int}/attachments/{attachmentId:int}", async (int id, int attachmentId, AttachmentService attachments, HttpContext http, CancellationToken cancellationToken) =>
        {
            var opened = await attachments.OpenAsync(id, attachmentId, cancellationToken);
            if (opened is not { } found) return Results.NotFound();
            http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            // Always a download, never rendered in the portal's origin, whatever the file claims to be.
            return Results.File(found.Content, found.Attachment.ContentType, found.Attachment.FileName);
        });
        meetings.MapGet("/{id:int}/attendance.csv", async (int id, MeetingService service, Audit.AuditService audit, CancellationToken cancellationToken) =>
        {
            var meeting = await service.GetAsync(id, cancellationToken);
            if (meeting is null) return Results.NotFound();
            var thai = PortalCultures.IsThai();
            string H(string key) => BilingualText.Get(key, thai);
            var lines = new List<IReadOnlyList<string?>>
            {
                new[] { "#", H("Person.Name"), H("Attendee.Organization"), H("Person.Position"), H("Attendee.Role"), H("Attendee.Status"), H("Attendee.OnBehalfOf"), H("Attendee.AbsenceReason") },
            };
            var document = MinutesDocument.From(meeting);
            lines.AddRange(document.Attendees.Select((a, index) => (IReadOnlyList<string?>)
            [
                (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), a.Name.Get(thai), a.Organization.Get(thai), a.Position(thai),
                H($"AttendeeRole.{a.Role}"), H($"AttendanceStatus.{a.Status}"), a.Represented(thai), a.Reason(thai),
            ]));
            await audit.RecordAsync(nameof(Meeting), id.ToString(CultureInfo.InvariantCulture), Data.AuditAction.Exported, new { Document = "attendance.csv" }, cancellationToken);
            return Results.File(Exports.Csv.Write(lines), Exports.Csv.ContentType, Exports.Csv.FileName($"attendance-{id}", meeting.Date));
        }).RequireAuthorization(Auth.Policies.InternalUsers);
        return app;
    }
}
