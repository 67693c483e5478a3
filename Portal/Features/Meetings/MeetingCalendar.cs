using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Portal.Localization;

namespace Portal.Features.Meetings;

/// <summary>
/// Meetings as iCalendar (RFC 5545), so staff can put them in their own calendars. Times are written in UTC: every
/// calendar converts them correctly without a VTIMEZONE block for Asia/Bangkok.
/// </summary>
public static class MeetingCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(IEnumerable<Meeting> meetings, Uri baseUri, bool thai, DateTime utcNow, string calendarName)
    {
        var calendar = new Calendar { ProductId = "-//Khon Kaen Think Tank//KKTT Partner Portal//EN" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Bangkok");
        foreach (var meeting in meetings)
            calendar.Events.Add(ToEvent(meeting, baseUri, thai, utcNow));
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent ToEvent(Meeting meeting, Uri baseUri, bool thai, DateTime utcNow)
    {
        var start = ToUtc(meeting.Date, meeting.StartTime);
        // Without an end time the meeting is shown as an hour long, as calendars do for a bare start.
        var end = meeting.EndTime is { } endTime ? ToUtc(meeting.Date, endTime) : start.AddHours(1);
        var link = new Uri(baseUri, $"meetings/{meeting.Id}");
        var otherTitle = thai ? meeting.TitleEn : meeting.TitleTh;
        return new CalendarEvent
        {
            Uid = $"meeting-{meeting.Id}@{baseUri.Host}",
            Summary = meeting.Title(thai),
            Description = string.Join("\n", new[] { otherTitle, link.ToString() }.Where(s => !string.IsNullOrWhiteSpace(s))),
            Location = meeting.Venue(thai),
            Url = link,
            DtStart = new CalDateTime(start),
            DtEnd = new CalDateTime(end),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc)),
        };
    }

    public static DateTime ToUtc(DateOnly date, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), ThaiDates.Bangkok);

    /// <summary>A file name that any system accepts: the meeting's date and id.</summary>
    public static string FileName(Meeting meeting) => $"meeting-{meeting.Date:yyyy-MM-dd}-{meeting.Id}.ics";
}
