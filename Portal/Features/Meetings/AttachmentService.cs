using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Files;
using Portal.Validation;

namespace Portal.Features.Meetings;

/// <summary>Slides, photos and signed attendance sheets kept with a meeting; downloads ask <see cref="MeetingAccess"/> first.</summary>
public class AttachmentService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, MeetingAccess access, FileStore files)
{
    public long MaxBytes => files.MaxBytes;

    private static string Folder(int meetingId) => meetingId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task<SaveResult> AddAsync(int meetingId, string fileName, Stream content, string? description, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        var errors = new FieldErrors();
        errors.MaxLength(nameof(MeetingAttachment.Description), description, FieldLengths.Reason);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId, cancellationToken))
            errors.Add("", "Validation.NotFound");
        FileStore.CleanName(fileName, errors);
        if (!errors.IsValid) return SaveResult.Invalid(errors);

        var stored = await files.SaveAsync(Folder(meetingId), fileName, content, errors, cancellationToken);
        if (stored is null) return SaveResult.Invalid(errors);
        var attachment = new MeetingAttachment
        {
            MeetingId = meetingId, FileName = stored.FileName, ContentType = stored.ContentType, Size = stored.Size, StoredName = stored.StoredName,
            Description = Input.Blank(description), UploadedAt = db.UtcNow, UploadedBy = (await currentUser.GetActorAsync()).Name,
        };
        db.MeetingAttachments.Add(attachment);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(attachment.Id);
    }

    /// <summary>The attachments of a meeting the user may see; empty otherwise.</summary>
    public async Task<List<MeetingAttachment>> ListAsync(int meetingId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await access.CanSeeAsync(db, meetingId, cancellationToken)) return [];
        return await db.MeetingAttachments.AsNoTracking().Where(a => a.MeetingId == meetingId).OrderBy(a => a.UploadedAt).ToListAsync(cancellationToken);
    }

    /// <summary>The attachment and an open stream of it, or null when it does not exist or the user may not see its meeting.</summary>
    public async Task<(MeetingAttachment Attachment, Stream Content)?> OpenAsync(int meetingId, int attachmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await access.CanSeeAsync(db, meetingId, cancellationToken)) return null;
        var attachment = await db.MeetingAttachments.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == attachmentId && a.MeetingId == meetingId, cancellationToken);
        return attachment is not null && files.Open(Folder(meetingId), attachment.StoredName) is { } content ? (attachment, content) : null;
    }

    public async Task DeleteAsync(int meetingId, int attachmentId, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attachment = await db.MeetingAttachments.FirstOrDefaultAsync(a => a.Id == attachmentId && a.MeetingId == meetingId, cancellationToken);
        if (attachment is null) return;
        // The row goes (the audit log keeps its details); the file stays for a backup to carry, as soft-deleted records do.
        db.MeetingAttachments.Remove(attachment);
        await db.SaveChangesAsync(cancellationToken);
    }
}
