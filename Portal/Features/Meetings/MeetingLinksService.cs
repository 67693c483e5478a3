using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Validation;

namespace Portal.Features.Meetings;

/// <summary>What a meeting is linked to besides its minutes: tags, related activities and the references presented.</summary>
public class MeetingLinksService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
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
}
