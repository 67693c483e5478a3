using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Meetings;
using Portal.Localization;

namespace Portal.Features.Series;

/// <summary>
/// What a new meeting holds when it is created: the standard Thai agenda, a copy of the previous meeting's agenda topics
/// and expected people, or nothing. Everything it adds is an ordinary agenda item or attendee, edited as any other.
/// </summary>
internal static class MeetingStarts
{
    /// <summary>The five items of the standard agenda; the resources hold their texts (Series.Agenda1 … 5).</summary>
    public const int StandardItems = 5;

    /// <summary>The agenda items and attendees to create with the meeting; null (with nothing added) when
    /// <paramref name="start"/> copies a previous meeting that there is not.</summary>
    public static async Task<(List<AgendaItem> Agenda, List<Attendee> Attendees)?> BuildAsync(PortalDbContext db, MeetingStart start,
        int? previousMeetingId, CancellationToken cancellationToken)
    {
        var previous = previousMeetingId is { } id ? await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken) : null;
        switch (start)
        {
            case MeetingStart.StandardAgenda:
                return (StandardAgenda(previous), []);
            case MeetingStart.CopyOfPrevious when previous is not null:
                var topics = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == previous.Id).OrderBy(i => i.Position).ToListAsync(cancellationToken);
                var agenda = topics.Select((i, n) => new AgendaItem
                {
                    Position = n + 1,
                    ConfirmsPreviousMinutes = i.ConfirmsPreviousMinutes,
            MattersArising = i.MattersArising,
                    // The item that confirmed the minutes before now confirms those of the meeting copied.
                    TopicTh = i.ConfirmsPreviousMinutes ? ConfirmationTopic(previous, thai: true) : i.TopicTh,
                    TopicEn = i.ConfirmsPreviousMinutes ? ConfirmationTopic(previous, thai: false) : i.TopicEn,
                }).ToList();
                // The people expected, as they were listed last time; whether they come is this meeting's to record.
                var attendees = await db.Attendees.AsNoTracking()
                    .Where(a => a.MeetingId == previous.Id && db.People.Any(p => p.Id == a.PersonId))
                    .OrderBy(a => a.Role).ThenBy(a => a.Id)
                    .Select(a => new Attendee
                    {
                        PersonId = a.PersonId, OrganizationId = a.OrganizationId, PositionTh = a.PositionTh, PositionEn = a.PositionEn, Role = a.Role,
                    }).ToListAsync(cancellationToken);
                return (agenda, attendees);
            case MeetingStart.CopyOfPrevious:
                return null;
            default:
                return ([], []);
        }
    }

    /// <summary>ระเบียบวาระที่ 1–5 as Thai meetings hold them; the second confirms the minutes of <paramref name="previous"/>, named when known.</summary>
    public static List<AgendaItem> StandardAgenda(Meeting? previous) =>
        Enumerable.Range(1, StandardItems).Select(n => new AgendaItem
        {
            Position = n,
            ConfirmsPreviousMinutes = n == 2,
            MattersArising = n == 3,
            TopicTh = n == 2 && previous is not null ? ConfirmationTopic(previous, thai: true) : BilingualText.Get($"Series.Agenda{n}", thai: true),
            TopicEn = n == 2 && previous is not null ? ConfirmationTopic(previous, thai: false) : BilingualText.Get($"Series.Agenda{n}", thai: false),
        }).ToList();

    /// <summary>"เรื่องรับรองรายงานการประชุมครั้งที่ 1/2569" / "Confirmation of the minutes of meeting No. 1/2026".</summary>
    public static string ConfirmationTopic(Meeting previous, bool thai) =>
        string.Format(thai ? PortalCultures.ThaiCulture : PortalCultures.EnglishCulture, BilingualText.Get("Series.AgendaConfirms", thai),
            AgendaService.ConfirmationTopic(previous, thai));
}
