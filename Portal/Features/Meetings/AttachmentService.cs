using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Validation;

namespace Portal.Features.Meetings;

/// <summary>
/// Slides, photos and signed attendance sheets kept with a meeting. Files live under the data folder by a name the
/// portal chooses; the type is decided by the file's first bytes, not by its name; downloads ask
/// <see cref="MeetingAccess"/> first.
/// </summary>
public class AttachmentService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, MeetingAccess access,
    DataDirectory dataDirectory, IConfiguration configuration)
{
    public long MaxBytes => configuration.GetValue<long?>("Portal:Attachments:MaxBytes") ?? 20 * 1024 * 1024;

    public static readonly IReadOnlyList<string> AllowedExtensions = [".pdf", ".png", ".jpg", ".jpeg", ".pptx", ".docx", ".xlsx"];

    public async Task<SaveResult> AddAsync(int meetingId, string fileName, Stream content, string? description, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        var errors = new FieldErrors();
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        errors.MaxLength("File", name, FieldLengths.FileName);
        errors.MaxLength(nameof(MeetingAttachment.Description), description, FieldLengths.Reason);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (name.Length == 0 || !AllowedExtensions.Contains(extension))
            errors.Add("File", "Attachment.TypeNotAllowed", string.Join(", ", AllowedExtensions));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId, cancellationToken))
            errors.Add("", "Validation.NotFound");
        if (!errors.IsValid) return SaveResult.Invalid(errors);

        var folder = Path.Combine(dataDirectory.Attachments, meetingId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var storedName = Guid.NewGuid().ToString("N");
        var path = Path.Combine(folder, storedName);
        long size;
        string? contentType;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                size = await CopyLimitedAsync(content, file, MaxBytes, cancellationToken);
            contentType = size < 0 ? null : await FileSignatures.DetectAsync(path, extension, cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        if (size < 0)
            errors.Add("File", "Attachment.TooLarge", MaxBytes / (1024 * 1024));
        else if (contentType is null)
            errors.Add("File", "Attachment.ContentMismatch");
        if (!errors.IsValid)
        {
            File.Delete(path);
            return SaveResult.Invalid(errors);
        }

        var attachment = new MeetingAttachment
        {
            MeetingId = meetingId, FileName = name, ContentType = contentType!, Size = size, StoredName = storedName,
            Description = Input.Blank(description), UploadedAt = db.UtcNow, UploadedBy = (await currentUser.GetActorAsync()).Name,
        };
        db.MeetingAttachments.Add(attachment);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(attachment.Id);
    }

    /// <summary>Copies at most <paramref name="limit"/> bytes; returns -1 when the stream holds more.</summary>
    private static async Task<long> CopyLimitedAsync(Stream source, Stream target, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit) return -1;
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return total;
    }

    /// <summary>The attachment and an open stream of it, or null when it does not exist or the user may not see its meeting.</summary>
    public async Task<(MeetingAttachment Attachment, Stream Content)?> OpenAsync(int meetingId, int attachmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await access.CanSeeAsync(db, meetingId, cancellationToken)) return null;
        var attachment = await db.MeetingAttachments.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == attachmentId && a.MeetingId == meetingId, cancellationToken);
        if (attachment is null) return null;
        var path = Path.Combine(dataDirectory.Attachments, meetingId.ToString(System.Globalization.CultureInfo.InvariantCulture), attachment.StoredName);
        return File.Exists(path) ? (attachment, File.OpenRead(path)) : null;
    }

    public async Task DeleteAsync(int meetingId, int attachmentId, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attachment = await db.MeetingAttachments.FirstOrDefaultAsync(a => a.Id == attachmentId && a.MeetingId == meetingId, cancellationToken);
        if (attachment is null) return;
        // The row goes (the audit log keeps its details); the file is kept for a backup to carry, as soft-deleted records are.
        db.MeetingAttachments.Remove(attachment);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>What a file really is, from its first bytes. Office files are ZIP containers; their extension says which.</summary>
public static class FileSignatures
{
    public static async Task<string?> DetectAsync(string path, string extension, CancellationToken cancellationToken)
    {
        var head = new byte[8];
        await using var file = File.OpenRead(path);
        var read = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        return Detect(head.AsSpan(0, read), extension);
    }

    public static string? Detect(ReadOnlySpan<byte> head, string extension) => extension switch
    {
        ".pdf" when head.StartsWith("%PDF-"u8) => "application/pdf",
        ".png" when head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) => "image/png",
        ".jpg" or ".jpeg" when head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) => "image/jpeg",
        ".pptx" when IsZip(head) => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ".docx" when IsZip(head) => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xlsx" when IsZip(head) => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => null,
    };

    private static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith("PK\u0003\u0004"u8);
}
