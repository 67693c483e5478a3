using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Portal.Localization;
using Calendar = Ical.Net.Calendar;

namespace Portal.Features.Meetings;

/// <summary>
/// Meetings as iCalendar (RFC 5545), so staff can put them in their own calendars. Times are written in UTC: every
/// calendar converts them correctly without a VTIMEZONE block for Asia/Bangkok.
/// </summary>
public static class MeetingCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(IEnumerable<CalendarEntry> meetings, Uri baseUri, bool thai, DateTime utcNow, string calendarName)
    {
        var calendar = new Calendar { ProductId = "-//Khon Kaen Think Tank//KKTT Partner Portal//EN" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Bangkok");
        foreach (var meeting in meetings)
            calendar.Events.Add(ToEvent(meeting, baseUri, thai, utcNow));
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent ToEvent(CalendarEntry meeting, Uri baseUri, bool thai, DateTime utcNow)
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
    public static string FileName(CalendarEntry meeting) => $"meeting-{meeting.Date:yyyy-MM-dd}-{meeting.Id}.ics";
}

/// <summary>
/// What a calendar entry says of a meeting: the live record for KKTT's users, the latest approved version for a partner.
/// Venues are written out already ("room, building"), with English falling back to Thai.
/// </summary>
public sealed record CalendarEntry(int Id, DateOnly Date, TimeOnly StartTime, TimeOnly? EndTime, string TitleTh, string TitleEn, string VenueTh, string VenueEn)
{
    public string Title(bool thai) => new Bilingual(TitleTh, TitleEn).In(thai);

    public string Venue(bool thai) => new Bilingual(VenueTh, VenueEn).In(thai);

    public static CalendarEntry From(Meeting meeting) => new(meeting.Id, meeting.Date, meeting.StartTime, meeting.EndTime,
        meeting.TitleTh, meeting.TitleEn, meeting.Venue(thai: true), meeting.Venue(thai: false));
}
