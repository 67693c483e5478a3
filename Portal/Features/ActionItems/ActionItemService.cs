using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Features.Meetings;
using Portal.Features.People;
using Portal.Files;
using Portal.Validation;
using Portal.Localization;

namespace Portal.Features.ActionItems;

public class ActionItemService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, MeetingAccess meetingAccess,
    FileStore files, TimeProvider clock, Notifications.Notifier notifier)
{
    public DateOnly Today => ActionDue.Today(clock);

    public Task<bool> IsInternalUserAsync() => currentUser.IsInAnyRoleAsync(Policies.InternalRoles);

    /// <summary>The authors of <paramref name="updates"/> by account, as people: the linked person's name, else the account's display name.</summary>
    public async Task<Dictionary<string, Localization.Bilingual>> AuthorsAsync(IEnumerable<ActionItemUpdate> updates, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await Users.AccountPeople.ByIdAsync(db, updates.Select(u => u.AuthorUserId), cancellationToken)).ToDictionary(p => p.Key, p => p.Value.Name);
    }

    /// <summary>
    /// Everything the editor shows, read on one data context: the form (of the item, or a new one raised from a meeting's
    /// agenda item), the organizations, the meetings and the chosen meeting's agenda to choose from, and the assignee.
    /// Null when there is no such item to edit.
    /// </summary>
    /// <param name="followsId">A follow-up of this item, raised from a later meeting's matters arising: its owners, assignee
    /// and priority are taken over, its title marked as a follow-up.</param>
    public async Task<ActionItemEditorData?> EditorAsync(int? id, int? meetingId = null, int? agendaItemId = null, int? followsId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = (await VisibleAsync(db, cancellationToken: cancellationToken)).AsNoTracking();
        ActionItemForm form;
        LinkedItem? follows = null;
        if (id is { } itemId)
        {
            var item = await visible.Include(i => i.Owners).FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
            if (item is null) return null;
            form = ActionItemForm.From(item);
            if (item.FollowsActionItemId is { } followsItem)
                follows = await visible.Where(i => i.Id == followsItem).Select(LinkedItem.Of).FirstOrDefaultAsync(cancellationToken);
        }
        else
            form = new ActionItemForm { MeetingId = meetingId, AgendaItemId = agendaItemId };
        if (id is null && followsId is { } followed
            && await visible.Include(i => i.Owners).FirstOrDefaultAsync(i => i.Id == followed, cancellationToken) is { } original)
        {
            form = form with
            {
                FollowsActionItemId = original.Id,
                TitleTh = TextShortening.Shorten(string.Format(PortalCultures.ThaiCulture, BilingualText.Get("CarryForward.FollowUpTitle", thai: true), original.TitleTh), FieldLengths.Title),
                TitleEn = TextShortening.Shorten(string.Format(PortalCultures.EnglishCulture, BilingualText.Get("CarryForward.FollowUpTitle", thai: false), original.TitleEn), FieldLengths.Title),
                OwnerOrganizationIds = original.Owners.Select(o => o.OrganizationId).ToList(),
                AssigneeId = original.AssigneeId,
                Priority = original.Priority,
            };
            follows = new LinkedItem(original.Id, new Bilingual(original.TitleTh, original.TitleEn));
        }
        var assignee = form.AssigneeId is { } assigneeId
            ? await PersonService.Rows(db.People.AsNoTracking().Where(p => p.Id == assigneeId)).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new ActionItemEditorData(form,
            await Organizations.OrganizationService.AllAsync(db, cancellationToken),
            await MeetingListService.PickListAsync(db, meetingAccess, null, cancellationToken),
            await AgendaService.ChoicesAsync(db, meetingAccess, form.MeetingId, cancellationToken),
            assignee, follows);
    }


    /// <summary>The agenda of the meeting chosen in the editor.</summary>
    public async Task<List<AgendaChoice>> AgendaChoicesAsync(int? meetingId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await AgendaService.ChoicesAsync(db, meetingAccess, meetingId, cancellationToken);
    }

    /// <summary>Whether this user may post updates and change the status of the item (it can see it: internal, or its organization owns it).</summary>
    public async Task<bool> CanUpdateAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (await VisibleAsync(db, cancellationToken: cancellationToken)).AnyAsync(i => i.Id == id, cancellationToken);
    }

    /// <summary>
    /// The items this user may see, as a query: KKTT's own users see all; a partner only those its organization owns.
    /// Every read and every update starts here, so a hidden link is never the only guard.
    /// </summary>
    internal async Task<IQueryable<ActionItem>> VisibleAsync(PortalDbContext db, bool includeDeleted = false, CancellationToken cancellationToken = default)
    {
        var principal = await currentUser.GetPrincipalAsync();
        var items = includeDeleted && principal.IsInRole(Roles.Admin) ? db.ActionItems.IgnoreQueryFilters() : db.ActionItems;
        if (Policies.InternalRoles.Any(principal.IsInRole))
            return items;
        var organizationId = await currentUser.PartnerOrganizationIdAsync(db, cancellationToken);
        return organizationId is null
            ? items.Where(_ => false)
            : items.Where(i => i.DeletedAt == null && i.Owners.Any(o => o.OrganizationId == organizationId));
    }

    public async Task<PagedResult<ActionItemRow>> ListAsync(ListQuery query, ActionItemFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = Filter(db, await VisibleAsync(db, query.IncludeDeleted, cancellationToken), query.Search, filter);
        var total = await items.CountAsync(cancellationToken);
        var page = await Sort(items, query.SortBy, query.Descending).Skip(query.Skip).Take(query.Take)
            .Select(i => i.Id).ToListAsync(cancellationToken);
        return new PagedResult<ActionItemRow>(await HideUnseenMeetingsAsync(db, await RowsAsync(db, page, cancellationToken), cancellationToken), total);
    }

    /// <summary>Every item matching the filters, for the CSV export (at most 10,000).</summary>
    public async Task<List<ActionItemRow>> ExportAsync(string? search, ActionItemFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = await Sort(Filter(db, await VisibleAsync(db, cancellationToken: cancellationToken), search, filter), sortBy, descending)
            .Take(10_000).Select(i => i.Id).ToListAsync(cancellationToken);
        return await HideUnseenMeetingsAsync(db, await RowsAsync(db, ids, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// A partner may own an item from a meeting whose minutes it may not read yet; the meeting's title stays hidden too.
    /// Where it may read them, it sees the meeting's title as approved, not as a correction in progress has it.
    /// </summary>
    private async Task<List<ActionItemRow>> HideUnseenMeetingsAsync(PortalDbContext db, List<ActionItemRow> rows, CancellationToken cancellationToken)
    {
        var meetingIds = rows.Select(r => r.MeetingId).OfType<int>().Distinct().ToList();
        if (meetingIds.Count == 0 || await meetingAccess.PartnerVersionsAsync(db, cancellationToken) is not { } approved) return rows;
        var titles = await approved.Where(v => meetingIds.Contains(v.MeetingId))
            .ToDictionaryAsync(v => v.MeetingId, v => (v.TitleTh, v.TitleEn), cancellationToken);
        return rows.Select(r => r.MeetingId is not { } id ? r
            : titles.TryGetValue(id, out var title) ? r with { MeetingTitleTh = title.TitleTh, MeetingTitleEn = title.TitleEn }
            : r with { MeetingId = null, MeetingTitleTh = null, MeetingTitleEn = null }).ToList();
    }

    /// <summary>The people assigned to items this user may see, for the assignee filter.</summary>
    public async Task<List<(int Id, string Name)>> AssigneesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = await (await VisibleAsync(db, cancellationToken: cancellationToken)).Where(i => i.Assignee != null)
            .Select(i => i.Assignee!).Distinct().ToListAsync(cancellationToken);
        var thai = Localization.PortalCultures.IsThai();
        return people.Select(p => (p.Id, PersonNames.Full(p, thai))).OrderBy(p => p.Item2, StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, false)).ToList();
    }

    /// <summary>Open items per owner organization, most first, for the dashboard.</summary>
    public async Task<List<(string Organization, string? Acronym, int Count)>> OpenPerOrganizationAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = (await VisibleAsync(db, cancellationToken: cancellationToken)).Where(i => ActionDue.ActiveStatuses.Contains(i.Status));
        var counts = await items.SelectMany(i => i.Owners).GroupBy(o => o.OrganizationId)
            .Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).Take(20).ToListAsync(cancellationToken);
        var ids = counts.Select(c => c.Key).ToList();
        var names = await db.Organizations.IgnoreQueryFilters().Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => (o.NameTh, o.NameEn, o.Acronym), cancellationToken);
        var thai = Localization.PortalCultures.IsThai();
        return counts.Select(c => (thai ? names[c.Key].NameTh : names[c.Key].NameEn, names[c.Key].Acronym, c.Count)).ToList();
    }

    /// <summary>One item with its owners, assignee, source and timeline (newest first), or null when the user may not see it.</summary>
    public async Task<ActionItem?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await (await VisibleAsync(db, includeDeleted: true, cancellationToken)).AnyAsync(i => i.Id == id, cancellationToken))
            return null;
        var item = await db.ActionItems.IgnoreQueryFilters().AsNoTracking().AsSplitQuery()
            .Include(i => i.Owners).ThenInclude(o => o.Organization)
            .Include(i => i.Assignee)
            .Include(i => i.Meeting)
            .Include(i => i.AgendaItem)
            .Include(i => i.Updates)
            .FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null) return null;
        item.Updates.Sort((a, b) => b.At.CompareTo(a.At));
        // A partner sees where an item came from only if it may see that meeting (approved and attended), and then as
        // approved. Agenda items are not tied to their approved form, so a partner is not shown the live one's topic.
        if (item.MeetingId is { } meetingId && await meetingAccess.PartnerVersionsAsync(db, cancellationToken) is { } approved)
        {
            item.Meeting = await approved.Where(v => v.MeetingId == meetingId)
                .Select(v => new Meeting { Id = v.MeetingId, TitleTh = v.TitleTh, TitleEn = v.TitleEn, Date = v.Date, StartTime = v.StartTime })
                .FirstOrDefaultAsync(cancellationToken);
            item.AgendaItem = null;
        }
        return item;
    }

    /// <summary>The item this one follows up, and the items raised to follow it up, as far as the user may see them.</summary>
    public async Task<FollowUpLinks> FollowUpLinksAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = (await VisibleAsync(db, cancellationToken: cancellationToken)).AsNoTracking();
        var followsId = await db.ActionItems.Where(i => i.Id == id).Select(i => i.FollowsActionItemId).FirstOrDefaultAsync(cancellationToken);
        var follows = followsId is null ? null
            : await visible.Where(i => i.Id == followsId).Select(LinkedItem.Of).FirstOrDefaultAsync(cancellationToken);
        var followedBy = await visible.Where(i => i.FollowsActionItemId == id).OrderBy(i => i.Id)
            .Select(LinkedItem.Of).ToListAsync(cancellationToken);
        return new FollowUpLinks(follows, followedBy);
    }

    public sealed record LinkedItem(int Id, Bilingual Title)
    {
        /// <summary>An item as a link, in a query.</summary>
        public static readonly System.Linq.Expressions.Expression<Func<ActionItem, LinkedItem>> Of = i => new LinkedItem(i.Id, new Bilingual(i.TitleTh, i.TitleEn));
    }
    public sealed record FollowUpLinks(LinkedItem? Follows, List<LinkedItem> FollowedBy);

    public async Task<SaveResult> SaveAsync(int? id, ActionItemForm form, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = await ValidateAsync(db, form, cancellationToken);
        if (!errors.IsValid) return SaveResult.Invalid(errors);

        var item = id is null ? db.ActionItems.Add(new ActionItem()).Entity
            : await db.ActionItems.Include(i => i.Owners).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            errors.Add("", "Validation.NotFound");
            return SaveResult.Invalid(errors);
        }
        // A change of status shows on the item's timeline like any posted update.
        var statusUpdate = id is not null && item.Status != form.Status ? await NewUpdateAsync(db, "", item.Status, form.Status) : null;
        var before = id is null ? null : Notifications.Notifier.ItemState.Of(item);
        var result = await Concurrency.SaveAsync(db, item, form, ActionItemForm.From, i =>
        {
            form.ApplyTo(i);
            var owners = form.OwnerOrganizationIds.ToHashSet();
            i.Owners.RemoveAll(o => !owners.Contains(o.OrganizationId));
            foreach (var organizationId in owners.Where(o => i.Owners.All(existing => existing.OrganizationId != o)))
                i.Owners.Add(new ActionItemOwner { OrganizationId = organizationId });
            if (statusUpdate is not null) i.Updates.Add(statusUpdate);
        }, i => i.Id, cancellationToken);
        if (result.Succeeded)
            await notifier.ActionItemChangedAsync(result.Id!.Value, before, await currentUser.GetActorAsync(), cancellationToken: cancellationToken);
        return result;
    }

    private static async Task<FieldErrors> ValidateAsync(PortalDbContext db, ActionItemForm form, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(form.TitleTh), form.TitleTh);
        errors.Required(nameof(form.TitleEn), form.TitleEn);
        errors.MaxLength(nameof(form.TitleTh), form.TitleTh, FieldLengths.Title);
        errors.MaxLength(nameof(form.TitleEn), form.TitleEn, FieldLengths.Title);
        errors.MaxLength(nameof(form.DescriptionTh), form.DescriptionTh, FieldLengths.Markdown);
        errors.MaxLength(nameof(form.DescriptionEn), form.DescriptionEn, FieldLengths.Markdown);
        if (!Enum.IsDefined(form.Priority)) errors.Add(nameof(form.Priority), "Validation.Required");
        if (!Enum.IsDefined(form.Status)) errors.Add(nameof(form.Status), "Validation.Required");
        var owners = form.OwnerOrganizationIds.Distinct().ToList();
        if (owners.Count == 0)
            errors.Add(nameof(form.OwnerOrganizationIds), "ActionItem.OwnerRequired");
        else if (await db.Organizations.CountAsync(o => owners.Contains(o.Id), cancellationToken) != owners.Count)
            errors.Add(nameof(form.OwnerOrganizationIds), "Validation.NotFound");
        if (form.AssigneeId is { } assigneeId && !await db.People.AnyAsync(p => p.Id == assigneeId, cancellationToken))
            errors.Add(nameof(form.AssigneeId), "Validation.NotFound");
        if (form.MeetingId is { } meetingId && !await db.Meetings.AnyAsync(m => m.Id == meetingId, cancellationToken))
            errors.Add(nameof(form.MeetingId), "Validation.NotFound");
        if (form.FollowsActionItemId is { } followsId && !await db.ActionItems.AnyAsync(i => i.Id == followsId, cancellationToken))
            errors.Add(nameof(form.FollowsActionItemId), "Validation.NotFound");
        if (form.AgendaItemId is { } agendaItemId && !await db.AgendaItems.AnyAsync(a => a.Id == agendaItemId && a.MeetingId == form.MeetingId, cancellationToken))
            errors.Add(nameof(form.AgendaItemId), "Validation.NotFound");
        return errors;
    }

    /// <summary>
    /// Adds to the item's timeline and, when asked, moves its status. KKTT's users may post on any item; a partner only on
    /// items its organization owns — the same query that decides what it sees.
    /// </summary>
    public async Task<FieldErrors> PostUpdateAsync(int id, ActionUpdateForm form, (string FileName, Stream Content)? attachment = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // With its owners: who is told of the update depends on them.
        var item = await (await VisibleAsync(db, cancellationToken: cancellationToken)).Include(i => i.Owners).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        var errors = new FieldErrors();
        if (item is null)
        {
            errors.Add("", "Validation.NotFound");
            return errors;
        }
        var statusChanges = form.NewStatus is { } status && status != item.Status;
        if (!statusChanges && attachment is null)
            errors.Required(nameof(form.Text), form.Text);
        errors.MaxLength(nameof(form.Text), form.Text, FieldLengths.Notes);
        if (form.NewStatus is { } wanted && !Enum.IsDefined(wanted))
            errors.Add(nameof(form.NewStatus), "Validation.Required");
        if (attachment is { } file)
            FileStore.CleanName(file.FileName, errors);
        if (!errors.IsValid) return errors;

        var update = await NewUpdateAsync(db, form.Text.Trim(), statusChanges ? item.Status : null, statusChanges ? form.NewStatus : null);
        if (attachment is { } upload)
        {
            var stored = await files.SaveAsync(UpdateFolder(id), upload.FileName, upload.Content, errors, cancellationToken);
            if (stored is null) return errors;
            (update.AttachmentFileName, update.AttachmentStoredName, update.AttachmentContentType, update.AttachmentSize) =
                (stored.FileName, stored.StoredName, stored.ContentType, stored.Size);
        }
        update.ActionItemId = id;
        db.ActionItemUpdates.Add(update);
        var before = Notifications.Notifier.ItemState.Of(item);
        if (statusChanges)
            item.Status = form.NewStatus!.Value;
        await db.SaveChangesAsync(cancellationToken);
        await notifier.ActionItemChangedAsync(id, before, await currentUser.GetActorAsync(), update.Text, cancellationToken);
        return errors;
    }

    private async Task<ActionItemUpdate> NewUpdateAsync(PortalDbContext db, string text, ActionStatus? from, ActionStatus? to)
    {
        var actor = await currentUser.GetActorAsync();
        return new ActionItemUpdate { Text = text, StatusFrom = from, StatusTo = to, AuthorName = actor.Name, AuthorUserId = actor.UserId, At = db.UtcNow };
    }

    internal static string UpdateFolder(int itemId) => Path.Combine("action-items", itemId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A file posted with an update, for users who may see the item; null otherwise.</summary>
    public async Task<(ActionItemUpdate Update, Stream Content)?> OpenAttachmentAsync(int id, int updateId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await (await VisibleAsync(db, cancellationToken: cancellationToken)).AnyAsync(i => i.Id == id, cancellationToken)) return null;
        var update = await db.ActionItemUpdates.AsNoTracking().FirstOrDefaultAsync(u => u.Id == updateId && u.ActionItemId == id, cancellationToken);
        return update?.AttachmentStoredName is { } stored && files.Open(UpdateFolder(id), stored) is { } content ? (update, content) : null;
    }

    public async Task DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SoftDeletes.SetDeletedAsync<ActionItem>(db, id, deleted: true, cancellationToken);
    }

    public async Task RestoreAsync(int id, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SoftDeletes.SetDeletedAsync<ActionItem>(db, id, deleted: false, cancellationToken);
    }

    private IQueryable<ActionItem> Filter(PortalDbContext db, IQueryable<ActionItem> items, string? search, ActionItemFilter filter)
    {
        var term = SearchTextBuilder.Normalize(search);
        if (term.Length > 0)
        {
            // Matching organizations and people are found once, not once per item (782 → 122 ms over 100,000 items).
            var organizations = db.Organizations.Where(o => o.SearchText.Contains(term)).Select(o => o.Id);
            var people = db.People.Where(p => p.SearchText.Contains(term)).Select(p => p.Id);
            items = items.Where(i => i.SearchText.Contains(term)
                || i.Owners.Any(o => organizations.Contains(o.OrganizationId))
                || (i.AssigneeId != null && people.Contains(i.AssigneeId.Value)));
        }
        if (filter.Status is { } status)
            items = items.Where(i => i.Status == status);
        if (filter.ActiveOnly)
            items = items.Where(i => ActionDue.ActiveStatuses.Contains(i.Status));
        if (filter.OrganizationId is { } organizationId)
            items = items.Where(i => i.Owners.Any(o => o.OrganizationId == organizationId));
        if (filter.AssigneeId is { } assigneeId)
            items = items.Where(i => i.AssigneeId == assigneeId);
        if (filter.MeetingId is { } meetingId)
            items = items.Where(i => i.MeetingId == meetingId);
        var today = Today;
        if (filter.OverdueOnly)
            items = items.Where(i => ActionDue.ActiveStatuses.Contains(i.Status) && i.DueDate < today);
        if (filter.DueWithinWeek)
        {
            var weekEnd = today.AddDays(7);
            items = items.Where(i => ActionDue.ActiveStatuses.Contains(i.Status) && i.DueDate >= today && i.DueDate <= weekEnd);
        }
        return items;
    }

    private static IQueryable<ActionItem> Sort(IQueryable<ActionItem> items, string? sortBy, bool descending) => (sortBy, descending) switch
    {
        ("title", false) => items.OrderBy(i => EF.Functions.Collate(i.TitleTh, ThaiCollation.Name)),
        ("title", true) => items.OrderByDescending(i => EF.Functions.Collate(i.TitleTh, ThaiCollation.Name)),
        ("priority", false) => items.OrderByDescending(i => i.Priority == ActionPriority.Urgent).ThenByDescending(i => i.Priority == ActionPriority.High)
            .ThenByDescending(i => i.Priority == ActionPriority.Normal).ThenBy(i => i.DueDate),
        ("priority", true) => items.OrderBy(i => i.Priority == ActionPriority.Urgent).ThenBy(i => i.Priority == ActionPriority.High)
            .ThenBy(i => i.Priority == ActionPriority.Normal).ThenBy(i => i.DueDate),
        ("status", false) => items.OrderBy(i => i.Status).ThenBy(i => i.DueDate),
        ("status", true) => items.OrderByDescending(i => i.Status).ThenBy(i => i.DueDate),
        // Soonest due first; items without a date last.
        (_, false) => items.OrderBy(i => i.DueDate == null).ThenBy(i => i.DueDate).ThenBy(i => i.Id),
        (_, true) => items.OrderBy(i => i.DueDate == null).ThenByDescending(i => i.DueDate).ThenBy(i => i.Id),
    };

    /// <summary>The list rows for these ids, in this order, each with its latest update.</summary>
    private static async Task<List<ActionItemRow>> RowsAsync(PortalDbContext db, List<int> ids, CancellationToken cancellationToken)
    {
        var items = await db.ActionItems.IgnoreQueryFilters().AsNoTracking().AsSplitQuery()
            .Where(i => ids.Contains(i.Id))
            .Include(i => i.Owners).ThenInclude(o => o.Organization)
            .Include(i => i.Assignee)
            .Include(i => i.Meeting)
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        var latest = await db.ActionItemUpdates.AsNoTracking().Where(u => ids.Contains(u.ActionItemId))
            .GroupBy(u => u.ActionItemId)
            .Select(g => g.OrderByDescending(u => u.At).First())
            .ToDictionaryAsync(u => u.ActionItemId, cancellationToken);
        return ids.Where(items.ContainsKey).Select(id =>
        {
            var i = items[id];
            var update = latest.GetValueOrDefault(id);
            return new ActionItemRow(i.Id, i.TitleTh, i.TitleEn, i.DueDate, i.Priority, i.Status, i.MeetingId, i.Meeting?.TitleTh, i.Meeting?.TitleEn,
                i.Assignee is null ? null : PersonNames.Bilingual(i.Assignee),
                i.Owners.Select(o => o.Organization?.Acronym ?? o.Organization?.NameTh ?? "").ToList(),
                update?.Text is { Length: > 0 } text ? text : null, update?.At, i.DeletedAt != null,
                i.Owners.Where(o => o.Organization is not null).Select(o => o.Organization!.Name).ToList());
        }).ToList();
    }
}
