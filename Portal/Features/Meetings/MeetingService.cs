using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Validation;
using Portal.Features.Series;

namespace Portal.Features.Meetings;

/// <summary>A meeting as a record: read whole, created, edited, deleted and restored.</summary>
public class MeetingService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, MeetingAccess access)
{
    /// <summary>One meeting with all it holds, or null when it does not exist or the user may not see it.
    /// People and organizations deleted since still show: past minutes keep naming them.</summary>
    public Task<Meeting?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        LoadVisibleAsync(id, MeetingParts.All, cancellationToken);

    /// <summary>
    /// The meeting <paramref name="shown"/> after a section of its page changed <paramref name="changed"/>: the meeting's own
    /// fields and those parts are read again, the other parts are kept as shown. Null when the user may no longer see it.
    /// </summary>
    public async Task<Meeting?> ReloadAsync(Meeting shown, MeetingParts changed, CancellationToken cancellationToken = default)
    {
        var fresh = await LoadVisibleAsync(shown.Id, changed, cancellationToken);
        if (fresh is null) return null;
        if (!changed.HasFlag(MeetingParts.Attendees)) fresh.Attendees = shown.Attendees;
        if (!changed.HasFlag(MeetingParts.Agenda)) fresh.AgendaItems = shown.AgendaItems;
        if (!changed.HasFlag(MeetingParts.References)) fresh.References = shown.References;
        if (!changed.HasFlag(MeetingParts.Links)) (fresh.Tags, fresh.RelatedActivities) = (shown.Tags, shown.RelatedActivities);
        if (!changed.HasFlag(MeetingParts.Attachments)) fresh.Attachments = shown.Attachments;
        return fresh;
    }

    private async Task<Meeting?> LoadVisibleAsync(int id, MeetingParts parts, CancellationToken cancellationToken)
    {
        // Partners read approved versions only (MinutesService), never the live record that staff may be correcting.
        if (await currentUser.IsInAnyRoleAsync(Roles.Partner) && !await currentUser.IsInAnyRoleAsync(Policies.InternalRoles))
            return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await (await access.VisibleAsync(db, includeDeleted: true, cancellationToken)).AnyAsync(m => m.Id == id, cancellationToken))
            return null;
        var meeting = await LoadAsync(db, id, parts, cancellationToken);
        if (meeting is null) return null;
        // Links to meetings the user may not see (or that were deleted) are not shown.
        var linked = meeting.RelatedActivities.Select(r => r.RelatedMeetingId).Append(meeting.PreviousMeetingId).OfType<int>().ToList();
        var visible = await (await access.VisibleAsync(db, cancellationToken: cancellationToken))
            .Where(m => linked.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
        meeting.RelatedActivities.RemoveAll(r => r.RelatedMeetingId is { } rid && !visible.Contains(rid));
        if (meeting.PreviousMeetingId is { } previous && !visible.Contains(previous))
            meeting.PreviousMeeting = null;
        return meeting;
    }

    /// <summary>A meeting with everything it holds, including people and organizations deleted since, in the minutes' order.
    /// Asks nothing about the user: callers check <see cref="MeetingAccess"/> first.</summary>
    internal static Task<Meeting?> LoadWholeAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        LoadAsync(db, id, MeetingParts.All, cancellationToken);

    /// <summary>The meeting's own fields, hosts and previous meeting, and of what it holds only <paramref name="parts"/>.</summary>
    private static async Task<Meeting?> LoadAsync(PortalDbContext db, int id, MeetingParts parts, CancellationToken cancellationToken)
    {
        IQueryable<Meeting> query = db.Meetings.IgnoreQueryFilters().AsNoTracking().AsSplitQuery()
            .Include(m => m.HostOrganization)
            .Include(m => m.Series)
            .Include(m => m.CoHosts).ThenInclude(c => c.Organization)
            .Include(m => m.PreviousMeeting);
        // Filters are off for the people and organizations named (deleted since, still in the record), but what was
        // removed from the meeting itself stays out.
        if (parts.HasFlag(MeetingParts.Agenda))
            query = query.Include(m => m.AgendaItems.Where(i => i.DeletedAt == null)).ThenInclude(i => i.Presenter);
        if (parts.HasFlag(MeetingParts.Attendees))
            query = query.Include(m => m.Attendees.Where(a => a.DeletedAt == null)).ThenInclude(a => a.Person)
                .Include(m => m.Attendees.Where(a => a.DeletedAt == null)).ThenInclude(a => a.Organization)
                .Include(m => m.Attendees.Where(a => a.DeletedAt == null)).ThenInclude(a => a.OnBehalfOfPerson);
        if (parts.HasFlag(MeetingParts.References))
            query = query.Include(m => m.References.Where(r => r.DeletedAt == null));
        if (parts.HasFlag(MeetingParts.Links))
            query = query.Include(m => m.Tags.Where(t => t.DeletedAt == null))
                .Include(m => m.RelatedActivities.Where(r => r.DeletedAt == null)).ThenInclude(r => r.RelatedMeeting);
        if (parts.HasFlag(MeetingParts.Attachments))
            query = query.Include(m => m.Attachments);
        var meeting = await query.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null) return null;
        meeting.AgendaItems.Sort((a, b) => a.Position.CompareTo(b.Position));
        meeting.Attendees.Sort((a, b) => a.Role != b.Role ? a.Role.CompareTo(b.Role) : a.Id.CompareTo(b.Id));
        return meeting;
    }

    /// <param name="start">For a new meeting, what it starts from (the standard agenda, a copy of the previous meeting, or nothing);
    /// ignored when editing.</param>
    /// <remarks>A new meeting of a series left without a number or a previous meeting takes the series' next number for its
    /// year and follows the series' latest meeting (<see cref="SeriesService"/>); <paramref name="form"/> is given those values.
    /// An existing meeting keeps the number it has whatever its date becomes: renumbering is the staff's to do.</remarks>
    public async Task<SaveResult> SaveAsync(int? id, MeetingForm form, MeetingStart start = MeetingStart.Blank, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (id is null && form is { SeriesId: { } seriesId, Date: { } date } && (form.Number is null || form.PreviousMeetingId is null)
            && await db.MeetingSeries.AnyAsync(s => s.Id == seriesId, cancellationToken))
        {
            var suggestion = await SeriesService.SuggestAsync(db, seriesId, DateOnly.FromDateTime(date), null, cancellationToken);
            form.Number ??= suggestion.Number;
            form.PreviousMeetingId ??= suggestion.PreviousMeetingId;
        }
        var errors = await ValidateAsync(db, id, form, cancellationToken);
        if (!errors.IsValid)
            return SaveResult.Invalid(errors);

        Meeting meeting;
        if (id is null)
        {
            if (await MeetingStarts.BuildAsync(db, start, form.PreviousMeetingId, cancellationToken) is not { } content)
            {
                errors.Add(nameof(form.PreviousMeetingId), "Series.NothingToCopy");
                return SaveResult.Invalid(errors);
            }
            meeting = new Meeting { AgendaItems = content.Agenda, Attendees = content.Attendees };
            db.Meetings.Add(meeting);
        }
        else
        {
            var (existing, openErrors) = await MeetingDrafts.OpenAsync(db, currentUser, id.Value, cancellationToken);
            if (existing is null)
                return SaveResult.Invalid(openErrors);
            meeting = existing;
            await db.Entry(meeting).Collection(m => m.CoHosts).LoadAsync(cancellationToken);
        }
        return await Concurrency.SaveAsync(db, meeting, form, MeetingForm.From, m =>
        {
            form.ApplyTo(m);
            var coHosts = form.CoHostOrganizationIds.Where(o => o != m.HostOrganizationId).Distinct().ToHashSet();
            m.CoHosts.RemoveAll(c => !coHosts.Contains(c.OrganizationId));
            foreach (var organizationId in coHosts.Where(o => m.CoHosts.All(c => c.OrganizationId != o)))
                m.CoHosts.Add(new MeetingCoHost { OrganizationId = organizationId });
        }, m => m.Id, cancellationToken);
    }

    private static async Task<FieldErrors> ValidateAsync(PortalDbContext db, int? id, MeetingForm form, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(form.TitleTh), form.TitleTh);
        errors.Required(nameof(form.TitleEn), form.TitleEn);
        errors.MaxLength(nameof(form.TitleTh), form.TitleTh, FieldLengths.Title);
        errors.MaxLength(nameof(form.TitleEn), form.TitleEn, FieldLengths.Title);
        foreach (var (field, value) in new[] { (nameof(form.RoomTh), form.RoomTh), (nameof(form.RoomEn), form.RoomEn), (nameof(form.BuildingTh), form.BuildingTh), (nameof(form.BuildingEn), form.BuildingEn) })
            errors.MaxLength(field, value, FieldLengths.Venue);
        errors.MaxLength(nameof(form.ObjectivesTh), form.ObjectivesTh, FieldLengths.Markdown);
        errors.MaxLength(nameof(form.ObjectivesEn), form.ObjectivesEn, FieldLengths.Markdown);
        if (!Enum.IsDefined(form.Kind))
            errors.Add(nameof(form.Kind), "Validation.Required");
        if (form.Date is null)
            errors.Add(nameof(form.Date), "Validation.Required");
        if (form.StartTime is null)
            errors.Add(nameof(form.StartTime), "Validation.Required");
        else if (form.EndTime is { } end && end <= form.StartTime)
            errors.Add(nameof(form.EndTime), "Meeting.EndBeforeStart");
        if (form.Number is <= 0 or > 999)
            errors.Add(nameof(form.Number), "Meeting.NumberRange");

        if (form.HostOrganizationId is not { } hostId)
            errors.Add(nameof(form.HostOrganizationId), "Validation.Required");
        else if (!await db.Organizations.AnyAsync(o => o.Id == hostId, cancellationToken))
            errors.Add(nameof(form.HostOrganizationId), "Validation.NotFound");
        var coHosts = form.CoHostOrganizationIds.Distinct().ToList();
        if (coHosts.Count > 0 && await db.Organizations.CountAsync(o => coHosts.Contains(o.Id), cancellationToken) != coHosts.Count)
            errors.Add(nameof(form.CoHostOrganizationIds), "Validation.NotFound");

        if (form.PreviousMeetingId is { } previousId)
        {
            var previous = await db.Meetings.Where(m => m.Id == previousId).Select(m => new { m.Date }).FirstOrDefaultAsync(cancellationToken);
            if (previous is null || previousId == id)
                errors.Add(nameof(form.PreviousMeetingId), "Validation.NotFound");
            else if (form.Date is { } date && previous.Date > DateOnly.FromDateTime(date))
                errors.Add(nameof(form.PreviousMeetingId), "Meeting.PreviousAfter");
        }

        if (form.SeriesId is { } seriesId && !await db.MeetingSeries.AnyAsync(s => s.Id == seriesId, cancellationToken)
            && (id is null || !await db.Meetings.AnyAsync(m => m.Id == id && m.SeriesId == seriesId, cancellationToken)))
            errors.Add(nameof(form.SeriesId), "Validation.NotFound");

        // ครั้งที่ 3/2567 names one meeting of its series in that year; meetings of no series are numbered by their host.
        if (form.Number is { } number && form.Date is { } day)
        {
            var (first, last) = (new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31));
            var sameYear = db.Meetings.Where(m => m.Id != id && m.Number == number && m.Date >= first && m.Date <= last);
            if (form.SeriesId is { } series)
            {
                if (await sameYear.AnyAsync(m => m.SeriesId == series, cancellationToken))
                    errors.Add(nameof(form.Number), "Series.DuplicateNumber");
            }
            else if (form.HostOrganizationId is { } host && await sameYear.AnyAsync(m => m.SeriesId == null && m.HostOrganizationId == host, cancellationToken))
                errors.Add(nameof(form.Number), "Meeting.DuplicateNumber");
        }
        return errors;
    }

    public async Task DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Meetings.AnyAsync(m => m.Id == id && (m.MinutesStatus == MinutesStatus.Approved || m.MinutesVersion > 1), cancellationToken))
            throw new InvalidOperationException("Approved minutes are an official record; the meeting is not deleted.");
        await SoftDeletes.SetDeletedAsync<Meeting>(db, id, deleted: true, cancellationToken);
    }

    public async Task RestoreAsync(int id, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SoftDeletes.SetDeletedAsync<Meeting>(db, id, deleted: false, cancellationToken);
    }
}

/// <summary>What a meeting holds besides its own fields, for reading again only what a section of its page changed.</summary>
[Flags]
public enum MeetingParts
{
    None = 0,
    Attendees = 1,
    Agenda = 2,
    References = 4,
    /// <summary>Tags and related activities.</summary>
    Links = 8,
    Attachments = 16,
    All = Attendees | Agenda | References | Links | Attachments,
}
