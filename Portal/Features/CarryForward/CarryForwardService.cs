using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Features.ActionItems;
using Portal.Features.Meetings;
using Portal.Features.Minutes;
using Portal.Features.People;
using Portal.Localization;
using Portal.Validation;

namespace Portal.Features.CarryForward;

/// <summary>
/// Matters arising (เรื่องสืบเนื่อง): the open action items of a series' earlier meetings, carried into each later meeting,
/// with what that meeting said about them; and the confirmation of the previous minutes (ระเบียบวาระที่ 2), whose
/// corrections open the previous minutes' next version.
/// </summary>
public class CarryForwardService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, MeetingAccess access)
{
    /// <summary>The corrections become the reason of the previous minutes' next version, which holds <see cref="FieldLengths.Reason"/>.</summary>
    public const int MaxCorrections = 400;

    /// <summary>The items the meeting's minutes carry, as they print now: live in a draft, as frozen once approved.</summary>
    public async Task<List<CarriedItem>> ForMeetingAsync(int meetingId, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.InternalRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !await access.CanSeeAsync(db, meetingId, cancellationToken)) return [];
        return await ForMinutesAsync(db, meeting, cancellationToken);
    }

    /// <summary>The follow-up items this meeting raised, by the carried item each follows, so that the page shows what was raised already.</summary>
    public async Task<Dictionary<int, List<ActionItemService.LinkedItem>>> FollowUpsRaisedAsync(int meetingId, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.InternalRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var raised = await db.ActionItems.AsNoTracking().Where(i => i.MeetingId == meetingId && i.FollowsActionItemId != null).OrderBy(i => i.Id)
            .Select(i => new { Follows = i.FollowsActionItemId!.Value, i.Id, i.TitleTh, i.TitleEn }).ToListAsync(cancellationToken);
        return raised.GroupBy(i => i.Follows)
            .ToDictionary(g => g.Key, g => g.Select(i => new ActionItemService.LinkedItem(i.Id, new Bilingual(i.TitleTh, i.TitleEn))).ToList());
    }

    /// <summary>
    /// What the minutes of <paramref name="meeting"/> carry. The first version follows the items live until it is approved;
    /// approved minutes keep what was frozen; a correction keeps the items as they were approved (the state they were in at
    /// that meeting) and takes only what the meeting said about them from the notes, which the correction may change.
    /// </summary>
    internal static async Task<List<CarriedItem>> ForMinutesAsync(PortalDbContext db, Meeting meeting, CancellationToken cancellationToken)
    {
        if (meeting.HasApprovedMinutes)
        {
            var approved = await db.ApprovedMinutes.AsNoTracking().Where(v => v.MeetingId == meeting.Id).OrderByDescending(v => v.Version)
                .Select(v => v.Document).FirstOrDefaultAsync(cancellationToken);
            if (approved is not null)
            {
                var frozen = MinutesDocument.FromJson(approved).CarriedItems ?? [];
                if (meeting.MinutesStatus == MinutesStatus.Approved) return frozen.ToList();
                var notes = await db.CarriedItemNotes.AsNoTracking().Where(n => n.MeetingId == meeting.Id)
                    .ToDictionaryAsync(n => n.ActionItemId, cancellationToken);
                return frozen.Select(i => notes.TryGetValue(i.ActionItemId, out var n) ? i with { NoteTh = n.NoteTh, NoteEn = n.NoteEn }
                    : i with { NoteTh = null, NoteEn = null }).ToList();
            }
        }
        return await LiveAsync(db, meeting.Id, cancellationToken);
    }

    /// <summary>
    /// The action items of the series' earlier meetings still open (open, in progress, blocked), and any other of theirs
    /// this meeting has said something about, oldest meeting first. Nothing for a meeting outside a series.
    /// </summary>
    internal static async Task<List<CarriedItem>> LiveAsync(PortalDbContext db, int meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)
            .Select(m => new { m.SeriesId, m.Date, m.StartTime }).FirstOrDefaultAsync(cancellationToken);
        if (meeting?.SeriesId is not { } seriesId) return [];
        var earlier = db.Meetings.Where(m => m.SeriesId == seriesId && m.Id != meetingId
            && (m.Date < meeting.Date || (m.Date == meeting.Date && m.StartTime < meeting.StartTime))).Select(m => m.Id);
        var noted = db.CarriedItemNotes.Where(n => n.MeetingId == meetingId).Select(n => n.ActionItemId);
        var items = await db.ActionItems.AsNoTracking().AsSplitQuery()
            .Where(i => i.MeetingId != null && earlier.Contains(i.MeetingId.Value)
                && (ActionDue.ActiveStatuses.Contains(i.Status) || noted.Contains(i.Id)))
            .Include(i => i.Owners).ThenInclude(o => o.Organization)
            .Include(i => i.Assignee)
            .Include(i => i.Meeting)
            .ToListAsync(cancellationToken);
        var ids = items.Select(i => i.Id).ToList();
        var latest = await db.ActionItemUpdates.AsNoTracking().Where(u => ids.Contains(u.ActionItemId) && u.Text != "")
            .GroupBy(u => u.ActionItemId)
            .Select(g => g.OrderByDescending(u => u.At).First())
            .ToDictionaryAsync(u => u.ActionItemId, cancellationToken);
        var notes = await db.CarriedItemNotes.AsNoTracking().Where(n => n.MeetingId == meetingId)
            .ToDictionaryAsync(n => n.ActionItemId, cancellationToken);
        return items.OrderBy(i => i.Meeting!.Date).ThenBy(i => i.Meeting!.StartTime).ThenBy(i => i.DueDate == null).ThenBy(i => i.DueDate).ThenBy(i => i.Id)
            .Select(i =>
            {
                var update = latest.GetValueOrDefault(i.Id);
                var note = notes.GetValueOrDefault(i.Id);
                var owners = i.Owners.Where(o => o.Organization is not null).OrderBy(o => o.OrganizationId).ToList();
                return new CarriedItem(i.Id, i.TitleTh, i.TitleEn, i.MeetingId!.Value, i.Meeting!.Number, i.Meeting.Date, i.Meeting.TitleTh, i.Meeting.TitleEn,
                    owners.Select(o => o.Organization!.Name).ToList(), owners.Select(o => o.OrganizationId).ToList(),
                    i.Assignee is null ? null : PersonNames.Bilingual(i.Assignee), i.DueDate, i.Status,
                    update?.Text, update?.At, note?.NoteTh, note?.NoteEn);
            }).ToList();
    }

    /// <summary>For a partner, only the carried items its organization owns (as the minutes' action items are); the document as it is otherwise.</summary>
    public async Task<MinutesDocument> ForReaderAsync(MinutesDocument document, CancellationToken cancellationToken = default)
    {
        if (document.CarriedItems is not { Count: > 0 } carried || await currentUser.IsInAnyRoleAsync(Policies.InternalRoles)) return document;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organizationId = await currentUser.PartnerOrganizationIdAsync(db, cancellationToken);
        return document with { CarriedItems = carried.Where(i => organizationId is { } own && i.OwnerOrganizationIds.Contains(own)).ToList() };
    }

    /// <summary>The note this meeting holds on a carried item, to edit; an empty one when none was written yet.</summary>
    public async Task<CarriedNoteForm> NoteAsync(int meetingId, int actionItemId, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.InternalRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var note = await db.CarriedItemNotes.AsNoTracking().FirstOrDefaultAsync(n => n.MeetingId == meetingId && n.ActionItemId == actionItemId, cancellationToken);
        return note is null ? new CarriedNoteForm() : CarriedNoteForm.From(note);
    }

    /// <summary>Records what the meeting said about an item it carries; only while its minutes are a draft, and only for an item it carries.</summary>
    public async Task<SaveResult> SaveNoteAsync(int meetingId, int actionItemId, CarriedNoteForm form, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (meeting, errors) = await MeetingDrafts.OpenAsync(db, currentUser, meetingId, cancellationToken);
        if (meeting is null) return SaveResult.Invalid(errors);
        errors.MaxLength(nameof(form.NoteTh), form.NoteTh, FieldLengths.Notes);
        errors.MaxLength(nameof(form.NoteEn), form.NoteEn, FieldLengths.Notes);
        if (!errors.IsValid) return SaveResult.Invalid(errors);
        if ((await ForMinutesAsync(db, meeting, cancellationToken)).All(i => i.ActionItemId != actionItemId)) return SaveResult.NotFound();
        var note = await db.CarriedItemNotes.FirstOrDefaultAsync(n => n.MeetingId == meetingId && n.ActionItemId == actionItemId, cancellationToken)
            ?? db.CarriedItemNotes.Add(new CarriedItemNote { MeetingId = meetingId, ActionItemId = actionItemId }).Entity;
        return await Concurrency.SaveAsync(db, note, form, CarriedNoteForm.From, form.ApplyTo, n => n.Id, cancellationToken);
    }

    /// <summary>
    /// What recording <paramref name="form"/> on the confirming item would do to the previous minutes: open their next
    /// version when the meeting confirms them with corrections, they stand approved, and this item has not opened one already.
    /// </summary>
    public async Task<CorrectionOpening?> CorrectionOpeningAsync(int meetingId, int agendaItemId, ConfirmationForm form, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        var item = await db.AgendaItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == agendaItemId && i.MeetingId == meetingId, cancellationToken);
        if (meeting is null || item is null) return null;
        var previous = await PreviousToCorrectAsync(db, meeting, item, form, cancellationToken);
        return previous is null ? null : new CorrectionOpening(previous.Id, PreviousName(previous), previous.MinutesVersion + 1, Reason(meeting, form));
    }

    /// <summary>
    /// Records รับรองโดยไม่มีการแก้ไข or รับรองโดยมีการแก้ไข on the item confirming the previous minutes. With corrections, and
    /// the previous minutes approved, the same save opens their next version with the corrections as its reason.
    /// </summary>
    public async Task<SaveResult> RecordConfirmationAsync(int meetingId, int agendaItemId, ConfirmationForm form, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (meeting, errors) = await MeetingDrafts.OpenAsync(db, currentUser, meetingId, cancellationToken);
        if (meeting is null) return SaveResult.Invalid(errors);
        var item = await db.AgendaItems.FirstOrDefaultAsync(i => i.Id == agendaItemId && i.MeetingId == meetingId && i.ConfirmsPreviousMinutes, cancellationToken);
        if (item is null) return SaveResult.NotFound();
        if (form.Confirmation is not { } outcome || !Enum.IsDefined(outcome))
            errors.Add(nameof(form.Confirmation), "Validation.Required");
        else if (outcome == MinutesConfirmation.WithCorrections && string.IsNullOrWhiteSpace(form.CorrectionsTh) && string.IsNullOrWhiteSpace(form.CorrectionsEn))
            errors.Add(nameof(form.CorrectionsTh), "CarryForward.CorrectionsRequired");
        errors.MaxLength(nameof(form.CorrectionsTh), form.CorrectionsTh, MaxCorrections);
        errors.MaxLength(nameof(form.CorrectionsEn), form.CorrectionsEn, MaxCorrections);
        // The corrections this item recorded opened the previous minutes' next version, whose reason quotes them: the
        // outcome stands (its wording may still be edited), or the item and the previous minutes would contradict each other.
        if (item.CorrectedVersion is { } opened && form.Confirmation is not MinutesConfirmation.WithCorrections && errors.IsValid)
            errors.Add(nameof(form.Confirmation), "CarryForward.CorrectionAlreadyOpened", opened);
        if (!errors.IsValid) return SaveResult.Invalid(errors);

        var previous = await PreviousToCorrectAsync(db, meeting, item, form, cancellationToken, tracked: true);
        return await Concurrency.SaveAsync(db, item, form, ConfirmationForm.From, i =>
        {
            form.ApplyTo(i);
            if (previous is null) return;
            // The correction workflow's own step (MinutesService, StartCorrection), taken in the same transaction.
            previous.MinutesVersion++;
            previous.CorrectionReason = Reason(meeting, form);
            previous.MinutesStatus = MinutesWorkflow.To(MinutesTransition.StartCorrection);
            i.CorrectedVersion = previous.MinutesVersion;
        }, i => i.Id, cancellationToken);
    }

    /// <summary>The previous meeting whose approved minutes <paramref name="form"/> would reopen, if it would reopen any.</summary>
    private async Task<Meeting?> PreviousToCorrectAsync(PortalDbContext db, Meeting meeting, AgendaItem item, ConfirmationForm form,
        CancellationToken cancellationToken, bool tracked = false)
    {
        // Corrections not yet named open nothing: the save reports them missing next to the field.
        if (form.Confirmation != MinutesConfirmation.WithCorrections || !item.ConfirmsPreviousMinutes || item.CorrectedVersion is not null
            || (string.IsNullOrWhiteSpace(form.CorrectionsTh) && string.IsNullOrWhiteSpace(form.CorrectionsEn))
            || meeting.PreviousMeetingId is not { } previousId || !await access.CanSeeAsync(db, previousId, cancellationToken))
            return null;
        var previous = await (tracked ? db.Meetings : db.Meetings.AsNoTracking()).FirstOrDefaultAsync(m => m.Id == previousId, cancellationToken);
        var principal = await currentUser.GetPrincipalAsync();
        return previous is not null && MinutesWorkflow.IsAllowed(previous.MinutesStatus, MinutesTransition.StartCorrection, principal.IsInRole)
            ? previous : null;
    }

    /// <summary>"ครั้งที่ 1/2567 การประชุม…" as the confirmation dialog names it; the title and date for a meeting without a number.</summary>
    private static Bilingual PreviousName(Meeting previous) => new(Name(previous, thai: true), Name(previous, thai: false));

    private static string Name(Meeting m, bool thai) => m.Number is { } number
        ? $"{MeetingText.Number(number, m.Date, thai)} {m.Title(thai)}"
        : $"{m.Title(thai)} ({ThaiDates.LongDate(m.Date, thai ? PortalCultures.ThaiCulture : PortalCultures.EnglishCulture)})";

    /// <summary>"ที่ประชุมครั้งที่ 1/2569 รับรองโดยมีการแก้ไข: …": the reason the previous minutes' next version is opened with.</summary>
    private static string Reason(Meeting meeting, ConfirmationForm form)
    {
        var thai = !string.IsNullOrWhiteSpace(form.CorrectionsTh);
        var culture = thai ? PortalCultures.ThaiCulture : PortalCultures.EnglishCulture;
        var at = meeting.Number is { } number ? MeetingText.Number(number, meeting.Date, thai) : ThaiDates.LongDate(meeting.Date, culture);
        var reason = string.Format(culture, BilingualText.Get("CarryForward.CorrectionReason", thai), at, (thai ? form.CorrectionsTh : form.CorrectionsEn)!.Trim());
        return reason.Length <= FieldLengths.Reason ? reason : reason[..FieldLengths.Reason];
    }
}
