using System.Collections;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Features.People;
using Portal.Localization;

namespace Portal.Data;

/// <summary>
/// A form's value as a person reads it in the conflict table: the organization, person, meeting or agenda item a
/// reference field points to by name rather than by id, choices by their label, dates in the reader's calendar.
/// </summary>
internal static class ConflictValues
{
    public static async Task<string?> TextAsync(PortalDbContext db, string field, object? value, CancellationToken cancellationToken)
    {
        var thai = PortalCultures.IsThai();
        return value switch
        {
            null => null,
            string text => text.Trim(),
            int id when IsReference(field) => await NamesAsync(db, field, [id], thai, cancellationToken),
            IEnumerable<int> ids when IsReference(field) => await NamesAsync(db, field, [.. ids], thai, cancellationToken),
            Enum choice => BilingualText.Get($"{choice.GetType().Name}.{choice}", thai),
            DateTime date => ThaiDates.LongDate(DateOnly.FromDateTime(date)),
            TimeSpan time => time.ToString(@"hh\:mm", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.CurrentCulture),
            IEnumerable list => string.Join(", ", list.Cast<object?>().Select(item => item?.ToString())),
            _ => value.ToString(),
        };
    }

    private static bool IsReference(string field) => Target(field) is not null;

    private static string? Target(string field) => field switch
    {
        "ParentId" or "OrganizationId" or "HostOrganizationId" or "CoHostOrganizationIds" or "OwnerOrganizationIds" => "Organization",
        "PersonId" or "PresenterId" or "AssigneeId" => "Person",
        "MeetingId" or "PreviousMeetingId" or "RelatedMeetingId" => "Meeting",
        "AgendaItemId" => "AgendaItem",
        _ => null,
    };

    /// <summary>The names, deleted records included (a form may still point at one), in the reader's language.</summary>
    private static async Task<string> NamesAsync(PortalDbContext db, string field, List<int> ids, bool thai, CancellationToken cancellationToken)
    {
        List<string> names = Target(field) switch
        {
            "Organization" => (await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken))
                .Select(o => o.DisplayName(thai)).ToList(),
            "Person" => (await db.People.IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken))
                .Select(p => PersonNames.Full(p, thai)).ToList(),
            "Meeting" => (await db.Meetings.IgnoreQueryFilters().AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken))
                .Select(m => $"{ThaiDates.LongDate(m.Date)} · {m.Title(thai)}").ToList(),
            _ => (await db.AgendaItems.IgnoreQueryFilters().AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken))
                .Select(a => thai || string.IsNullOrWhiteSpace(a.TopicEn) ? a.TopicTh : a.TopicEn).ToList(),
        };
        return string.Join(", ", names.Order(StringComparer.Ordinal));
    }
}
