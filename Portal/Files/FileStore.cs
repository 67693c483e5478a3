using Portal.Data;
using Portal.Validation;

namespace Portal.Files;

/// <summary>
/// Uploaded files under the data folder. The portal chooses every name on disk, a user's file name is never part of a
/// path, the type is decided by the file's first bytes as well as its extension, and a file over the limit is
/// refused without being read whole.
/// </summary>
public class FileStore(DataDirectory dataDirectory, IConfiguration configuration)
{
    public long MaxBytes => configuration.GetValue<long?>("Portal:Attachments:MaxBytes") ?? 20 * 1024 * 1024;

    public static readonly IReadOnlyList<string> AllowedExtensions = [".pdf", ".png", ".jpg", ".jpeg", ".pptx", ".docx", ".xlsx"];

    public sealed record StoredFile(string FileName, string StoredName, string ContentType, long Size);

    /// <summary>
    /// The user's file name reduced to its last segment and cleaned of control characters and bidi overrides (a name like
    /// <c>scan{U+202E}gpj.pdf</c> would be listed and downloaded looking like "scanfdp.jpg"), or an error under <c>File</c>.
    /// </summary>
    public static string CleanName(string fileName, FieldErrors errors)
    {
        var name = Path.GetFileName(TextCleaning.SingleLine(fileName).Replace('\\', '/')).Trim();
        errors.MaxLength("File", name, FieldLengths.FileName);
        if (name.Length == 0 || !AllowedExtensions.Contains(Path.GetExtension(name).ToLowerInvariant()))
            errors.Add("File", "Attachment.TypeNotAllowed", string.Join(", ", AllowedExtensions));
        return name;
    }

    /// <summary>Stores the stream in <paramref name="folder"/> (a path below the attachments folder); null with errors when refused.</summary>
    public async Task<StoredFile?> SaveAsync(string folder, string fileName, Stream content, FieldErrors errors, CancellationToken cancellationToken)
    {
        var name = CleanName(fileName, errors);
        if (!errors.IsValid) return null;
        var directory = Path.Combine(dataDirectory.Attachments, folder);
        Directory.CreateDirectory(directory);
        var storedName = Guid.NewGuid().ToString("N");
        var path = Path.Combine(directory, storedName);
        long size;
        string? contentType;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                size = await CopyLimitedAsync(content, file, MaxBytes, cancellationToken);
            contentType = size < 0 ? null : await DetectAsync(path, Path.GetExtension(name).ToLowerInvariant(), cancellationToken);
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
        if (errors.IsValid)
            return new StoredFile(name, storedName, contentType!, size);
        File.Delete(path);
        return null;
    }

    public Stream? Open(string folder, string storedName)
    {
        var path = Path.Combine(dataDirectory.Attachments, folder, storedName);
        return File.Exists(path) ? File.OpenRead(path) : null;
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

    private static async Task<string?> DetectAsync(string path, string extension, CancellationToken cancellationToken)
    {
        var head = new byte[8];
        await using var file = File.OpenRead(path);
        var read = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        return Detect(head.AsSpan(0, read), extension);
    }

    /// <summary>What a file really is, from its first bytes. Office files are ZIP containers; their extension says which.</summary>
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
