using System.Text;
using Ical.Net;
using Portal.Features.Meetings;

namespace Portal.Tests.Unit;

public class MeetingCalendarTests
{
    private static Meeting Workshop() => new()
    {
        Id = 7, TitleTh = "ศักยภาพด้านโครงสร้างพื้นฐานในการพัฒนาเมืองอัจฉริยะขอนแก่น", TitleEn = "Infrastructure Potential for Developing Khon Kaen Smart City",
        Date = new DateOnly(2024, 7, 31), StartTime = new TimeOnly(13, 30), EndTime = new TimeOnly(16, 30),
        RoomTh = "ห้องประชุมไอยรา", BuildingTh = "โรงแรมพูลแมน ขอนแก่น ราชา ออคิด", RoomEn = "Aiyara Room", BuildingEn = "Pullman Khon Kaen Raja Orchid",
    };

    private static string Write(params Meeting[] meetings) =>
        MeetingCalendar.Write(meetings.Select(CalendarEntry.From), new Uri("https://portal.kktt.example/"), thai: true, new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc), "KKTT");

    [Fact]
    public void A_meeting_becomes_a_valid_event_in_UTC_with_its_link()
    {
        var text = Write(Workshop());
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text);
        Assert.Contains("VERSION:2.0", text);
        Assert.Contains("PRODID:", text);
        Assert.Contains("UID:meeting-7@portal.kktt.example", text);
        // 13:30 in Bangkok (UTC+7) is 06:30 UTC.
        Assert.Contains("DTSTART:20240731T063000Z", text);
        Assert.Contains("DTEND:20240731T093000Z", text);
        Assert.Contains("DTSTAMP:20261125T000000Z", text);

        var calendar = Calendar.Load(text)!;
        var e = Assert.Single(calendar.Events);
        Assert.Equal("ศักยภาพด้านโครงสร้างพื้นฐานในการพัฒนาเมืองอัจฉริยะขอนแก่น", e.Summary);
        Assert.Equal("ห้องประชุมไอยรา, โรงแรมพูลแมน ขอนแก่น ราชา ออคิด", e.Location);
        Assert.Equal(new Uri("https://portal.kktt.example/meetings/7"), e.Url);
    }

    [Fact]
    public void Long_Thai_lines_are_folded_at_75_octets_without_splitting_a_character()
    {
        var text = Write(Workshop());
        foreach (var line in text.Split("\r\n"))
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line);
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Text_that_looks_like_calendar_syntax_stays_inside_its_property()
    {
        var meeting = Workshop();
        meeting.TitleTh = "ประชุม;ด่วน,\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:ปลอม";
        var calendar = Calendar.Load(Write(meeting))!;
        Assert.Equal(meeting.TitleTh, Assert.Single(calendar.Events).Summary);
    }

    [Fact]
    public void A_meeting_without_an_end_time_lasts_an_hour_and_the_feed_holds_every_meeting()
    {
        var open = Workshop();
        open.EndTime = null;
        var other = Workshop();
        other.Id = 8;
        var calendar = Calendar.Load(Write(open, other))!;
        Assert.Equal(2, calendar.Events.Count);
        Assert.Contains("DTEND:20240731T073000Z", Write(open));
    }
}
