using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Localization;
using Portal.Validation;

namespace Portal.Features.Meetings;

/// <summary>The ระเบียบวาระ of a meeting: added, edited, removed and put in order while the minutes are a draft.</summary>
public class AgendaService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    /// <summary>Far more than any real meeting has, and few enough that the whole record always prints (README, printing).</summary>
    public const int MaxItemsPerMeeting = 50;

    /// <summary>A meeting's agenda as a drop-down offers it (number and topic), or nothing for a meeting the user may not see.</summary>
    internal static async Task<List<AgendaChoice>> ChoicesAsync(PortalDbContext db, MeetingAccess access, int? meetingId, CancellationToken cancellationToken)
    {
        if (meetingId is not { } id || !await access.CanSeeAsync(db, id, cancellationToken))
            return [];
        return await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.Position)
            .Select(a => new AgendaChoice(a.Id, a.Position, a.TopicTh, a.TopicEn)).ToListAsync(cancellationToken);
    }

    public async Task<SaveResult> SaveAsync(int meetingId, int? itemId, AgendaItemForm form, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (meeting, errors) = await MeetingDrafts.OpenAsync(db, currentUser, meetingId, cancellationToken);
        if (meeting is null) return SaveResult.Invalid(errors);
        Validate(form, errors);
        if (form.PresenterId is { } presenterId && !await db.People.AnyAsync(p => p.Id == presenterId, cancellationToken))
            errors.Add(nameof(form.PresenterId), "Validation.NotFound");
        if (!errors.IsValid) return SaveResult.Invalid(errors);

        AgendaItem? item;
        if (itemId is null && await db.AgendaItems.CountAsync(i => i.MeetingId == meetingId, cancellationToken) >= MaxItemsPerMeeting)
        {
            errors.Add("", "Agenda.TooMany", MaxItemsPerMeeting);
            return SaveResult.Invalid(errors);
        }
        if (itemId is null)
        {
            var last = await db.AgendaItems.Where(i => i.MeetingId == meetingId).MaxAsync(i => (int?)i.Position, cancellationToken) ?? 0;
            item = new AgendaItem { MeetingId = meetingId, Position = last + 1 };
            db.AgendaItems.Add(item);
        }
        else
        {
            item = await db.AgendaItems.FirstOrDefaultAsync(i => i.Id == itemId && i.MeetingId == meetingId, cancellationToken);
            if (item is null)
            {
                errors.Add("", "Validation.NotFound");
                return SaveResult.Invalid(errors);
            }
        }
        return await Concurrency.SaveAsync(db, item, form, AgendaItemForm.From, form.ApplyTo, i => i.Id, cancellationToken);
    }

    public static void Validate(AgendaItemForm form, FieldErrors errors)
    {
        errors.Required(nameof(form.TopicTh), form.TopicTh);
        errors.Required(nameof(form.TopicEn), form.TopicEn);
        errors.MaxLength(nameof(form.TopicTh), form.TopicTh, FieldLengths.Title);
        errors.MaxLength(nameof(form.TopicEn), form.TopicEn, FieldLengths.Title);
        errors.MaxLength(nameof(form.DiscussionTh), form.DiscussionTh, FieldLengths.Markdown);
        errors.MaxLength(nameof(form.DiscussionEn), form.DiscussionEn, FieldLengths.Markdown);
        errors.MaxLength(nameof(form.ResolutionTh), form.ResolutionTh, FieldLengths.Markdown);
        errors.MaxLength(nameof(form.ResolutionEn), form.ResolutionEn, FieldLengths.Markdown);
    }

    public async Task<FieldErrors> RemoveAsync(int meetingId, int itemId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (meeting, errors) = await MeetingDrafts.OpenAsync(db, currentUser, meetingId, cancellationToken);
        if (meeting is null) return errors;
        var items = await db.AgendaItems.Where(i => i.MeetingId == meetingId).OrderBy(i => i.Position).ToListAsync(cancellationToken);
        var item = items.FirstOrDefault(i => i.Id == itemId);
        if (item is null) return errors;
        item.DeletedAt = db.UtcNow;
        items.Remove(item);
        Renumber(items);
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>Moves an item to a new 1-based position; the others close up around it.</summary>
    public async Task<FieldErrors> MoveAsync(int meetingId, int itemId, int newPosition, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (meeting, errors) = await MeetingDrafts.OpenAsync(db, currentUser, meetingId, cancellationToken);
        if (meeting is null) return errors;
        var items = await db.AgendaItems.Where(i => i.MeetingId == meetingId).OrderBy(i => i.Position).ToListAsync(cancellationToken);
        if (items.FirstOrDefault(i => i.Id == itemId) is not { } item) return errors;
        Reorder(items, item, newPosition);
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>The order after moving <paramref name="item"/> to <paramref name="newPosition"/> (clamped), numbered 1…n.</summary>
    public static void Reorder(List<AgendaItem> items, AgendaItem item, int newPosition)
    {
        items.Remove(item);
        items.Insert(Math.Clamp(newPosition, 1, items.Count + 1) - 1, item);
        Renumber(items);
    }

    private static void Renumber(List<AgendaItem> items)
    {
        for (var i = 0; i < items.Count; i++)
            items[i].Position = i + 1;
    }

    /// <summary>
    /// Offered when the meeting follows an earlier one and has no such item yet: the standard first agenda item,
    /// รับรองรายงานการประชุม, naming the earlier meeting.
    /// </summary>
    public async Task<FieldErrors> AddMinutesConfirmationAsync(int meetingId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (meeting, errors) = await MeetingDrafts.OpenAsync(db, currentUser, meetingId, cancellationToken);
        if (meeting is null) return errors;
        var previous = meeting.PreviousMeetingId is { } previousId
            ? await db.Meetings.FirstOrDefaultAsync(m => m.Id == previousId, cancellationToken) : null;
        var items = await db.AgendaItems.Where(i => i.MeetingId == meetingId).OrderBy(i => i.Position).ToListAsync(cancellationToken);
        if (previous is null || items.Any(i => i.ConfirmsPreviousMinutes))
        {
            errors.Add("", "Agenda.ConfirmationNotOffered");
            return errors;
        }
        var item = new AgendaItem
        {
            MeetingId = meetingId,
            ConfirmsPreviousMinutes = true,
            TopicTh = ConfirmationTopic(previous, thai: true),
            TopicEn = ConfirmationTopic(previous, thai: false),
        };
        db.AgendaItems.Add(item);
        items.Insert(0, item);
        Renumber(items);
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    public static string ConfirmationTopic(Meeting previous, bool thai)
    {
        var culture = thai ? PortalCultures.ThaiCulture : PortalCultures.EnglishCulture;
        var name = previous.Number is null
            ? $"{previous.Title(thai)} ({ThaiDates.LongDate(previous.Date, culture)})"
            : MeetingText.Number(previous.Number.Value, previous.Date, thai);
        return string.Format(culture, BilingualText.Get("Agenda.ConfirmPreviousTopic", thai), name);
    }
}

/// <summary>An agenda item as a drop-down lists it.</summary>
public sealed record AgendaChoice(int Id, int Position, string TopicTh, string TopicEn)
{
    public string Label(bool thai) => $"{Position}. {(thai ? TopicTh : TopicEn)}";
}
