using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Features.Meetings;
using Portal.Validation;

namespace Portal.Features.Series;

/// <summary>
/// Meeting series: listed and read by internal users, created, edited and deleted by those who edit meetings. A series'
/// meetings are numbered within each year (<see cref="SuggestAsync(PortalDbContext, int, DateOnly, int?, CancellationToken)"/>).
/// </summary>
public class SeriesService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, MeetingAccess access)
{
    public async Task<List<SeriesRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.InternalRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.MeetingSeries.AsNoTracking()
            .Select(s => new SeriesRow(s.Id, s.NameTh, s.NameEn, s.HostOrganization!.Acronym, s.HostOrganization.NameTh, s.HostOrganization.NameEn,
                db.Meetings.Count(m => m.SeriesId == s.Id), db.Meetings.Where(m => m.SeriesId == s.Id).Max(m => (DateOnly?)m.Date)))
            .ToListAsync(cancellationToken);
        // The latest active series first; the Thai name orders the rest (in memory: a few dozen rows).
        return rows.OrderByDescending(r => r.LastDate).ThenBy(r => r.NameTh, StringComparer.Create(Localization.PortalCultures.ThaiCulture, false)).ToList();
    }

    /// <summary>The series and its meetings in order, or null when there is none (or it was deleted).</summary>
    public async Task<SeriesDetail?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.InternalRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var series = await db.MeetingSeries.AsNoTracking().Include(s => s.HostOrganization).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (series is null) return null;
        var meetings = await MeetingListService.Rows((await access.VisibleAsync(db, cancellationToken: cancellationToken))
            .Where(m => m.SeriesId == id).OrderBy(m => m.Date).ThenBy(m => m.StartTime).ThenBy(m => m.Number)).ToListAsync(cancellationToken);
        return new SeriesDetail(series, meetings);
    }

    public async Task<SaveResult> SaveAsync(int? id, SeriesForm form, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = new FieldErrors();
        errors.Required(nameof(form.NameTh), form.NameTh);
        errors.Required(nameof(form.NameEn), form.NameEn);
        errors.MaxLength(nameof(form.NameTh), form.NameTh, FieldLengths.Title);
        errors.MaxLength(nameof(form.NameEn), form.NameEn, FieldLengths.Title);
        if (form.HostOrganizationId is not { } hostId)
            errors.Add(nameof(form.HostOrganizationId), "Validation.Required");
        else if (!await db.Organizations.AnyAsync(o => o.Id == hostId, cancellationToken))
            errors.Add(nameof(form.HostOrganizationId), "Validation.NotFound");
        if (!errors.IsValid) return SaveResult.Invalid(errors);

        MeetingSeries? series;
        if (id is null)
            series = db.MeetingSeries.Add(new MeetingSeries()).Entity;
        else if ((series = await db.MeetingSeries.FirstOrDefaultAsync(s => s.Id == id, cancellationToken)) is null)
            return SaveResult.NotFound();
        return await Concurrency.SaveAsync(db, series, form, SeriesForm.From, form.ApplyTo, s => s.Id, cancellationToken);
    }

    /// <summary>Deletes the series (an administrator can restore it); its meetings keep their numbers and keep naming it.</summary>
    public async Task DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SoftDeletes.SetDeletedAsync<MeetingSeries>(db, id, deleted: true, cancellationToken);
    }

    /// <summary>The next number and the meeting to follow for a new meeting of the series on <paramref name="date"/>.</summary>
    public async Task<SeriesSuggestion?> SuggestAsync(int seriesId, DateOnly date, int? exceptMeetingId = null, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.MeetingSeries.AnyAsync(s => s.Id == seriesId, cancellationToken)) return null;
        return await SuggestAsync(db, seriesId, date, exceptMeetingId, cancellationToken);
    }

    /// <summary>
    /// ครั้งที่ N/ปี: one more than the highest number the series has given in the year of <paramref name="date"/> — counting
    /// deleted meetings too, so that a number once given is never silently given again — and the series' latest meeting on
    /// or before that date as the one it follows. Numbers already given are never changed here: corrections are the staff's.
    /// </summary>
    internal static async Task<SeriesSuggestion> SuggestAsync(PortalDbContext db, int seriesId, DateOnly date, int? exceptMeetingId, CancellationToken cancellationToken)
    {
        var (first, last) = (new DateOnly(date.Year, 1, 1), new DateOnly(date.Year, 12, 31));
        var highest = await db.Meetings.IgnoreQueryFilters()
            .Where(m => m.SeriesId == seriesId && m.Id != exceptMeetingId && m.Date >= first && m.Date <= last)
            .MaxAsync(m => m.Number, cancellationToken);
        var previous = await db.Meetings
            .Where(m => m.SeriesId == seriesId && m.Id != exceptMeetingId && m.Date <= date)
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.StartTime).ThenByDescending(m => m.Id)
            .Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);
        return new SeriesSuggestion((highest ?? 0) + 1, previous);
    }

    /// <summary>Series to choose from in the meeting editor, by name.</summary>
    internal static Task<List<SeriesRow>> ChoicesAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        db.MeetingSeries.AsNoTracking().OrderBy(s => s.NameEn)
            .Select(s => new SeriesRow(s.Id, s.NameTh, s.NameEn, s.HostOrganization!.Acronym, s.HostOrganization.NameTh, s.HostOrganization.NameEn, 0, null, s.HostOrganizationId))
            .ToListAsync(cancellationToken);

    public async Task<List<SeriesRow>> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.InternalRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ChoicesAsync(db, cancellationToken);
    }
}
