using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Validation;
using Portal.Features.Minutes;

namespace Portal.Features.Meetings;

public class MeetingService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, MeetingAccess access)
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

    /// <summary>Meetings whose minutes were sent for review, oldest first: the reviewer's list. Empty for users who cannot approve.</summary>
    public async Task<List<MeetingRow>> AwaitingReviewAsync(CancellationToken cancellationToken = default)
    {
        var principal = await currentUser.GetPrincipalAsync();
        if (!MinutesWorkflow.RolesFor(MinutesTransition.Approve).Any(principal.IsInRole)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meetings = (await access.VisibleAsync(db, cancellationToken: cancellationToken)).Where(m => m.MinutesStatus == MinutesStatus.InReview)
            .OrderBy(m => m.Date).ThenBy(m => m.StartTime);
        return await Rows(meetings).ToListAsync(cancellationToken);
    }

    /// <summary>Minutes a reviewer sent back for corrections, with the reviewer's reason, for those who may send them again.</summary>
    public async Task<List<(MeetingRow Meeting, string Reason)>> ReturnedForCorrectionsAsync(CancellationToken cancellationToken = default)
    {
        var principal = await currentUser.GetPrincipalAsync();
        if (!MinutesWorkflow.RolesFor(MinutesTransition.SubmitForReview).Any(principal.IsInRole)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meetings = (await access.VisibleAsync(db, cancellationToken: cancellationToken))
            .Where(m => m.MinutesStatus == MinutesStatus.Draft && m.ReturnReason != null)
            .OrderBy(m => m.Date).ThenBy(m => m.StartTime);
        var reasons = await meetings.Select(m => new { m.Id, m.ReturnReason }).ToDictionaryAsync(m => m.Id, m => m.ReturnReason!, cancellationToken);
        return (await Rows(meetings).ToListAsync(cancellationToken)).Select(row => (row, reasons[row.Id])).ToList();
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
        if (await access.PartnerVersionsAsync(db, cancellationToken) is { } approved)
            return await ApprovedRows(approved.Where(v => v.MeetingId != exceptId).OrderByDescending(v => v.Date).Take(500)).ToListAsync(cancellationToken);
        var meetings = (await access.VisibleAsync(db, cancellationToken: cancellationToken)).Where(m => m.Id != exceptId)
            .OrderByDescending(m => m.Date).Take(500);
        return await Rows(meetings).ToListAsync(cancellationToken);
    }

    /// <summary>One meeting with all it holds, or null when it does not exist or the user may not see it.
    /// People and organizations deleted since still show: past minutes keep naming them.</summary>
    public async Task<Meeting?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        // Partners read approved versions only (MinutesService), never the live record that staff may be correcting.
        if (await currentUser.IsInAnyRoleAsync(Roles.Partner) && !await currentUser.IsInAnyRoleAsync(Policies.InternalRoles))
            return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await (await access.VisibleAsync(db, includeDeleted: true, cancellationToken)).AnyAsync(m => m.Id == id, cancellationToken))
            return null;
        var meeting = await LoadWholeAsync(db, id, cancellationToken);
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
    internal static async Task<Meeting?> LoadWholeAsync(PortalDbContext db, int id, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.IgnoreQueryFilters().AsNoTracking().AsSplitQuery()
            .Include(m => m.HostOrganization)
            .Include(m => m.CoHosts).ThenInclude(c => c.Organization)
            .Include(m => m.PreviousMeeting)
            // Filters are off for the people and organizations named (deleted since, still in the record), but what was
            // removed from the meeting itself stays out.
            .Include(m => m.AgendaItems.Where(i => i.DeletedAt == null)).ThenInclude(i => i.Presenter)
            .Include(m => m.Attendees.Where(a => a.DeletedAt == null)).ThenInclude(a => a.Person)
            .Include(m => m.Attendees.Where(a => a.DeletedAt == null)).ThenInclude(a => a.Organization)
            .Include(m => m.Attendees.Where(a => a.DeletedAt == null)).ThenInclude(a => a.OnBehalfOfPerson)
            .Include(m => m.References.Where(r => r.DeletedAt == null))
            .Include(m => m.Tags.Where(t => t.DeletedAt == null))
            .Include(m => m.RelatedActivities.Where(r => r.DeletedAt == null)).ThenInclude(r => r.RelatedMeeting)
            .Include(m => m.Attachments)
            .FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null) return null;
        meeting.AgendaItems.Sort((a, b) => a.Position.CompareTo(b.Position));
        meeting.Attendees.Sort((a, b) => a.Role != b.Role ? a.Role.CompareTo(b.Role) : a.Id.CompareTo(b.Id));
        return meeting;
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

    public async Task<SaveResult> SaveAsync(int? id, MeetingForm form, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = await ValidateAsync(db, id, form, cancellationToken);
        if (!errors.IsValid)
            return SaveResult.Invalid(errors);

        Meeting meeting;
        if (id is null)
        {
            meeting = new Meeting();
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

        // ครั้งที่ 3/2567 names one meeting of the host's series in that year.
        if (form.Number is { } number && form.Date is { } day && form.HostOrganizationId is { } host)
        {
            var year = day.Year;
            if (await db.Meetings.AnyAsync(m => m.Id != id && m.Number == number && m.HostOrganizationId == host
                    && m.Date >= new DateOnly(year, 1, 1) && m.Date <= new DateOnly(year, 12, 31), cancellationToken))
                errors.Add(nameof(form.Number), "Meeting.DuplicateNumber");
        }
        return errors;
    }

    public async Task DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SoftDeletes.SetDeletedAsync<Meeting>(db, id, deleted: true, cancellationToken);
    }

    public async Task RestoreAsync(int id, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SoftDeletes.SetDeletedAsync<Meeting>(db, id, deleted: false, cancellationToken);
    }

    /// <summary>Tags describe the meeting, not its minutes, so they may change after approval.</summary>
    public async Task<FieldErrors> SetTagsAsync(int id, IEnumerable<string> tags, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        var errors = new FieldErrors();
        // Cleaned here rather than only when stored: a tag's name is its key, and "smart\u202Ecity" must find "smartcity".
        var wanted = tags.Select(TextCleaning.SingleLine).Where(t => t.Length > 0).DistinctBy(t => t.ToLowerInvariant()).ToList();
        if (wanted.Any(t => t.Length > FieldLengths.Tag))
            errors.Add("Tags", "Validation.MaxLength", FieldLengths.Tag);
        if (wanted.Count > 30)
            errors.Add("Tags", "Meeting.TooManyTags", 30);
        if (!errors.IsValid) return errors;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Meetings.AnyAsync(m => m.Id == id, cancellationToken))
        {
            errors.Add("", "Validation.NotFound");
            return errors;
        }
        var stored = await db.MeetingTags.IgnoreQueryFilters().Where(t => t.MeetingId == id).ToListAsync(cancellationToken);
        foreach (var tag in stored)
            tag.DeletedAt = wanted.Contains(tag.Name) ? null : tag.DeletedAt ?? db.UtcNow;
        foreach (var name in wanted.Where(name => stored.All(existing => existing.Name != name)))
            db.MeetingTags.Add(new MeetingTag { MeetingId = id, Name = name });
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>Every tag in use, for suggestions.</summary>
    public async Task<List<string>> TagsInUseAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.MeetingTags.Select(t => t.Name).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
    }

    public async Task<FieldErrors> AddRelatedAsync(int id, RelatedActivityForm form, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = new FieldErrors();
        if (form.RelatedMeetingId is null && string.IsNullOrWhiteSpace(form.DescriptionTh) && string.IsNullOrWhiteSpace(form.DescriptionEn))
            errors.Add(nameof(form.DescriptionTh), "Meeting.RelatedNeedsSomething");
        errors.MaxLength(nameof(form.DescriptionTh), form.DescriptionTh, FieldLengths.Title);
        errors.MaxLength(nameof(form.DescriptionEn), form.DescriptionEn, FieldLengths.Title);
        if (form.RelatedMeetingId is { } related && (related == id || !await db.Meetings.AnyAsync(m => m.Id == related, cancellationToken)))
            errors.Add(nameof(form.RelatedMeetingId), "Validation.NotFound");
        if (!await db.Meetings.AnyAsync(m => m.Id == id, cancellationToken))
            errors.Add("", "Validation.NotFound");
        if (!errors.IsValid) return errors;
        db.RelatedActivities.Add(new RelatedActivity
        {
            MeetingId = id, RelatedMeetingId = form.RelatedMeetingId,
            DescriptionTh = Input.Blank(form.DescriptionTh), DescriptionEn = Input.Blank(form.DescriptionEn),
        });
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    public async Task RemoveRelatedAsync(int id, int relatedActivityId, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var activity = await db.RelatedActivities.FirstOrDefaultAsync(r => r.Id == relatedActivityId && r.MeetingId == id, cancellationToken);
        if (activity is null) return;
        activity.DeletedAt = db.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A reference presented is part of the minutes, so only a draft takes one.</summary>
    public async Task<FieldErrors> AddReferenceAsync(int id, ReferenceForm form, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (meeting, errors) = await MeetingDrafts.OpenAsync(db, currentUser, id, cancellationToken);
        errors.Required(nameof(form.Title), form.Title);
        errors.MaxLength(nameof(form.Title), form.Title, FieldLengths.Title);
        errors.MaxLength(nameof(form.Publisher), form.Publisher, FieldLengths.Name);
        errors.MaxLength(nameof(form.Url), form.Url, FieldLengths.Url);
        errors.Url(nameof(form.Url), form.Url);
        if (meeting is null || !errors.IsValid) return errors;
        db.MeetingReferences.Add(new MeetingReference
        {
            MeetingId = id, Title = form.Title.Trim(), Publisher = Input.Blank(form.Publisher), Url = Input.Blank(form.Url),
        });
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    public async Task<FieldErrors> RemoveReferenceAsync(int id, int referenceId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (meeting, errors) = await MeetingDrafts.OpenAsync(db, currentUser, id, cancellationToken);
        if (meeting is null) return errors;
        var reference = await db.MeetingReferences.FirstOrDefaultAsync(r => r.Id == referenceId && r.MeetingId == id, cancellationToken);
        if (reference is not null)
        {
            reference.DeletedAt = db.UtcNow;
            await db.SaveChangesAsync(cancellationToken);
        }
        return errors;
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

    private static IQueryable<MeetingRow> Rows(IQueryable<Meeting> meetings) =>
        meetings.Select(m => new MeetingRow(m.Id, m.Kind, m.TitleTh, m.TitleEn, m.Number, m.Date, m.StartTime, m.EndTime,
            m.HostOrganization!.Acronym, m.HostOrganization.NameTh, m.HostOrganization.NameEn, m.MinutesStatus, m.DeletedAt != null));
}
