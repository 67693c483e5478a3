using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Portal.Features.Meetings;
using Calendar = Ical.Net.Calendar;

namespace Portal.Features.Invitations;

/// <summary>
/// The calendar invitation sent with an invitation e-mail (iTIP, RFC 5546): METHOD:REQUEST, the portal as organizer and the
/// invitee as attendee, so mail programs offer to put the meeting in the calendar. Answers go through the personal link,
/// not by calendar reply (RSVP=FALSE): the portal's sender address reads no mail.
/// </summary>
public static class InvitationCalendar
{
    public const string ContentType = "text/calendar";

    public static string Write(Meeting meeting, Invitation invitation, string? inviteeEmail, string organizerEmail, string organizerName,
        Uri baseUri, string answerLink, bool thai, DateTime utcNow)
    {
        var calendar = new Calendar { ProductId = "-//Khon Kaen Think Tank//KKTT Partner Portal//EN", Method = "REQUEST" };
        var start = MeetingCalendar.ToUtc(meeting.Date, meeting.StartTime);
        var end = meeting.EndTime is { } endTime ? MeetingCalendar.ToUtc(meeting.Date, endTime) : start.AddHours(1);
        var calendarEvent = new CalendarEvent
        {
            Uid = $"invitation-{invitation.Id}-meeting-{meeting.Id}@{baseUri.Host}",
            Summary = meeting.Title(thai),
            Description = string.Join("\n", new[] { thai ? meeting.TitleEn : meeting.TitleTh, answerLink }.Where(s => !string.IsNullOrWhiteSpace(s))),
            Location = meeting.Venue(thai),
            DtStart = new CalDateTime(start),
            DtEnd = new CalDateTime(end),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc)),
            Sequence = 0,
            Status = "CONFIRMED",
            Organizer = new Organizer($"mailto:{organizerEmail}") { CommonName = organizerName },
        };
        if (!string.IsNullOrWhiteSpace(inviteeEmail))
        {
            calendarEvent.Attendees.Add(new Ical.Net.DataTypes.Attendee($"mailto:{inviteeEmail}")
            {
                CommonName = InvitationService.Addressee(invitation, thai),
                Role = "REQ-PARTICIPANT",
                ParticipationStatus = "NEEDS-ACTION",
                Rsvp = false,
            });
        }
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
