using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Validation;
using Portal.Features.Minutes;

namespace Portal.Features.Meetings;

/// <summary>
/// Meetings as lists: the searchable, sortable list, the month calendar, the dashboard, the calendar feed and the pickers.
/// A partner's lists are drawn from the approved versions alone (<see cref="MeetingAccess.PartnerVersionsAsync"/>).
/// </summary>
public class MeetingListService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access)
{
    public async Task<PagedResult<MeetingRow>> ListAsync(ListQuery query, MeetingFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await access.PartnerVersionsAsync(db, cancellationToken) is { } approved)
        {
            var versions = FilterApproved(db, approved, query.Search, filter);
            return new PagedResult<MeetingRow>(
                await ApprovedRows(Sort(versions, query).Skip(query.Skip).Take(query.Take)).ToListAsync(cancellationToken),
                await versions.CountAsync(cancellationToken));
        }
        var meetings = Filter(await access.VisibleAsync(db, query.IncludeDeleted, cancellationToken), query.Search, filter);
        var total = await meetings.CountAsync(cancellationToken);
        var items = await Rows(Sort(meetings, query).Skip(query.Skip).Take(query.Take)).ToListAsync(cancellationToken);
        return new PagedResult<MeetingRow>(items, total);
    }

    /// <summary>The meetings of one calendar month (Bangkok dates), with the list's search and filters.</summary>
    public async Task<List<MeetingRow>> MonthAsync(int year, int month, string? search, MeetingFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var first = new DateOnly(year, month, 1);
        var next = first.AddMonths(1);
        filter = filter with { Year = null };
        if (await access.PartnerVersionsAsync(db, cancellationToken) is { } approved)
            return await ApprovedRows(Between(FilterApproved(db, approved, search, filter), first, next).OrderBy(v => v.Date).ThenBy(v => v.StartTime))
                .ToListAsync(cancellationToken);
        var meetings = Between(Filter(await access.VisibleAsync(db, cancellationToken: cancellationToken), search, filter), first, next)
            .OrderBy(m => m.Date).ThenBy(m => m.StartTime);
        return await Rows(meetings).ToListAsync(cancellationToken);
    }

    /// <summary>The next meetings from this Bangkok date on, soonest first.</summary>
    public async Task<List<MeetingRow>> UpcomingAsync(DateOnly from, int count, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await access.PartnerVersionsAsync(db, cancellationToken) is { } approved)
            return await ApprovedRows(approved.Where(v => v.Date >= from).OrderBy(v => v.Date).ThenBy(v => v.StartTime).Take(count)).ToListAsync(cancellationToken);
        var meetings = (await access.VisibleAsync(db, cancellationToken: cancellationToken)).Where(m => m.Date >= from)
            .OrderBy(m => m.Date).ThenBy(m => m.StartTime).Take(count);
        return await Rows(meetings).ToListAsync(cancellationToken);
    }

    /// <summary>Every meeting the user may see, oldest first, for the calendar feed.</summary>
    public async Task<List<CalendarEntry>> FeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await access.PartnerVersionsAsync(db, cancellationToken) is { } approved)
            return await CalendarEntries(approved.OrderBy(v => v.Date).ThenBy(v => v.StartTime).Take(5000)).ToListAsync(cancellationToken);
        var meetings = await (await access.VisibleAsync(db, cancellationToken: cancellationToken)).AsNoTracking()
            .OrderBy(m => m.Date).ThenBy(m => m.StartTime).Take(5000).ToListAsync(cancellationToken);
        return meetings.Select(CalendarEntry.From).ToList();
    }

    /// <summary>A meeting's calendar entry if the user may see it.</summary>
    public async Task<CalendarEntry?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await access.PartnerVersionsAsync(db, cancellationToken) is { } approved)
            return await CalendarEntries(approved.Where(v => v.MeetingId == id)).FirstOrDefaultAsync(cancellationToken);
        var meeting = await (await access.VisibleAsync(db, cancellationToken: cancellationToken)).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        return meeting is null ? null : CalendarEntry.From(meeting);
    }

    /// <summary>Meetings to choose from as an earlier or related meeting.</summary>
    public async Task<List<MeetingRow>> PickListAsync(int? exceptId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await PickListAsync(db, access, exceptId, cancellationToken);
    }

    /// <summary>As <see cref="PickListAsync(int?, CancellationToken)"/>, on a context the caller already holds.</summary>
    internal static async Task<List<MeetingRow>> PickListAsync(PortalDbContext db, MeetingAccess access, int? exceptId, CancellationToken cancellationToken)
    {
        if (await access.PartnerVersionsAsync(db, cancellationToken) is { } approved)
            return await ApprovedRows(approved.Where(v => v.MeetingId != exceptId).OrderByDescending(v => v.Date).Take(500)).ToListAsync(cancellationToken);
        var meetings = (await access.VisibleAsync(db, cancellationToken: cancellationToken)).Where(m => m.Id != exceptId)
            .OrderByDescending(m => m.Date).Take(500);
        return await Rows(meetings).ToListAsync(cancellationToken);
    }

    /// <summary>Meetings that list this one among their related activities.</summary>
    public async Task<List<MeetingRow>> LinkedFromAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await access.PartnerVersionsAsync(db, cancellationToken) is { } approved)
            return await ApprovedRows(approved.Where(v => db.RelatedActivities.Any(r => r.MeetingId == v.MeetingId && r.RelatedMeetingId == id))
                .OrderByDescending(v => v.Date)).ToListAsync(cancellationToken);
        var meetings = (await access.VisibleAsync(db, cancellationToken: cancellationToken))
            .Where(m => m.RelatedActivities.Any(r => r.RelatedMeetingId == id)).OrderByDescending(m => m.Date);
        return await Rows(meetings).ToListAsync(cancellationToken);
    }

    private static IQueryable<Meeting> Filter(IQueryable<Meeting> meetings, string? search, MeetingFilter filter)
    {
        var term = SearchTextBuilder.Normalize(search);
        if (term.Length > 0)
        {
            meetings = meetings.Where(m => m.SearchText.Contains(term)
                || m.HostOrganization!.SearchText.Contains(term)
                || m.CoHosts.Any(c => c.Organization!.SearchText.Contains(term))
                || m.Attendees.Any(a => a.Organization != null && a.Organization.SearchText.Contains(term))
#pragma warning disable CA1304, CA1311, CA1862 // in a query: ToLower() becomes SQL lower(), no .NET culture takes part
                || m.Tags.Any(t => t.Name.ToLower().Contains(term)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (filter.Status is { } status)
            meetings = meetings.Where(m => m.MinutesStatus == status);
        meetings = FilterParticulars(meetings, filter);
        if (filter.OrganizationId is { } organizationId)
            meetings = meetings.Where(m => m.HostOrganizationId == organizationId
                || m.CoHosts.Any(c => c.OrganizationId == organizationId)
                || m.Attendees.Any(a => a.OrganizationId == organizationId));
        if (filter.PersonId is { } personId)
            meetings = meetings.Where(m => m.Attendees.Any(a => a.PersonId == personId));
        return meetings;
    }

    /// <summary>
    /// The list's search and filters over the approved versions a partner is shown: the search matches only what those
    /// versions say (title, venue, objectives, hosts, attending organizations) and the meeting's tags, never a draft.
    /// </summary>
    private static IQueryable<ApprovedMinutes> FilterApproved(PortalDbContext db, IQueryable<ApprovedMinutes> versions, string? search, MeetingFilter filter)
    {
        var term = SearchTextBuilder.Normalize(search);
        if (term.Length > 0)
        {
            var organizations = db.Organizations.Where(o => o.SearchText.Contains(term)).Select(o => o.Id);
            versions = versions.Where(v => v.SearchText.Contains(term)
                || v.AttendingOrganizations.Any(o => organizations.Contains(o.OrganizationId))
#pragma warning disable CA1304, CA1311, CA1862 // as above
                || db.MeetingTags.Any(t => t.MeetingId == v.MeetingId && t.Name.ToLower().Contains(term)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        // Everything a partner is shown is approved; people's meeting histories are not a partner's to browse.
        if (filter.Status is { } status && status != MinutesStatus.Approved || filter.PersonId is not null)
            return versions.Where(_ => false);
        versions = FilterParticulars(versions, filter);
        if (filter.OrganizationId is { } organizationId)
            versions = versions.Where(v => v.AttendingOrganizations.Any(o => o.OrganizationId == organizationId));
        return versions;
    }

    /// <summary>Kind and year, asked of the live record or of an approved version alike.</summary>
    private static IQueryable<T> FilterParticulars<T>(IQueryable<T> meetings, MeetingFilter filter) where T : class, IMeetingParticulars
    {
        if (filter.Kind is { } kind)
            meetings = meetings.Where(m => m.Kind == kind);
        if (filter.Year is { } year)
        {
            var gregorian = MeetingFilter.ToGregorianYear(year);
            if (gregorian is < 1 or > 9998)
                return meetings.Where(_ => false);
            meetings = Between(meetings, new DateOnly(gregorian, 1, 1), new DateOnly(gregorian + 1, 1, 1));
        }
        return meetings;
    }

    private static IQueryable<T> Between<T>(IQueryable<T> meetings, DateOnly from, DateOnly before) where T : class, IMeetingParticulars =>
        meetings.Where(m => m.Date >= from && m.Date < before);

    private static IQueryable<T> Sort<T>(IQueryable<T> meetings, ListQuery query) where T : class, IMeetingParticulars => (query.SortBy, query.Descending) switch
    {
        ("title", false) => meetings.OrderBy(m => EF.Functions.Collate(m.TitleTh, ThaiCollation.Name)),
        ("title", true) => meetings.OrderByDescending(m => EF.Functions.Collate(m.TitleTh, ThaiCollation.Name)),
        ("kind", false) => meetings.OrderBy(m => m.Kind).ThenByDescending(m => m.Date),
        ("kind", true) => meetings.OrderByDescending(m => m.Kind).ThenByDescending(m => m.Date),
        ("date", false) => meetings.OrderBy(m => m.Date).ThenBy(m => m.StartTime),
        _ => meetings.OrderByDescending(m => m.Date).ThenByDescending(m => m.StartTime),
    };

    /// <summary>A partner's rows, as approved; the host is named as the minutes name it.</summary>
    private static IQueryable<MeetingRow> ApprovedRows(IQueryable<ApprovedMinutes> versions) =>
        versions.Select(v => new MeetingRow(v.MeetingId, v.Kind, v.TitleTh, v.TitleEn, v.Number, v.Date, v.StartTime, v.EndTime,
            null, v.HostNameTh, v.HostNameEn, MinutesStatus.Approved, false));

    private static IQueryable<CalendarEntry> CalendarEntries(IQueryable<ApprovedMinutes> versions) =>
        versions.Select(v => new CalendarEntry(v.MeetingId, v.Date, v.StartTime, v.EndTime, v.TitleTh, v.TitleEn, v.VenueTh, v.VenueEn));

    /// <summary>The list's row of each meeting, as a query.</summary>
    internal static IQueryable<MeetingRow> Rows(IQueryable<Meeting> meetings) =>
        meetings.Select(m => new MeetingRow(m.Id, m.Kind, m.TitleTh, m.TitleEn, m.Number, m.Date, m.StartTime, m.EndTime,
            m.HostOrganization!.Acronym, m.HostOrganization.NameTh, m.HostOrganization.NameEn, m.MinutesStatus, m.DeletedAt != null,
            m.Series!.NameTh, m.Series.NameEn));
}
