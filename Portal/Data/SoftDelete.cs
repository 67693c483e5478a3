using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>Records that are hidden rather than removed, so an administrator can restore them and past minutes keep their references.</summary>
public interface ISoftDeletable
{
    DateTime? DeletedAt { get; set; }
}

/// <summary>Records found by the list search: a lower-cased text of every searchable field, kept in one column so that
/// one <c>LIKE</c> matches Thai substrings, English words and acronyms alike on every database provider.</summary>
public interface ISearchable
{
    string SearchText { get; set; }
    string BuildSearchText();
}

public static class SearchTextBuilder
{
    public static string Build(params string?[] parts) =>
        WithoutDots(string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim())).ToLowerInvariant());

    /// <summary>
    /// The form of a user's search term that matches <see cref="Build"/>: cleaned as stored text is, so a pasted bidi
    /// override still finds the name, and a NUL never reaches PostgreSQL (which refuses it in any text parameter).
    /// </summary>
    public static string Normalize(string? term) => WithoutDots(Validation.TextCleaning.SingleLine(term ?? "").ToLowerInvariant());

    /// <summary>
    /// Thai abbreviations are written with and without their dots (ทน. and ทน, ม.ข. and มข), so neither the stored
    /// text nor the term keeps them.
    /// </summary>
    private static string WithoutDots(string text) => text.Replace(".", "");
}

public static class SoftDeletes
{
    /// <summary>Hides (<paramref name="deleted"/>) or restores the record with this key; nothing happens when it is already so or absent.</summary>
    public static async Task SetDeletedAsync<T>(PortalDbContext db, int id, bool deleted, CancellationToken cancellationToken)
        where T : class, ISoftDeletable
    {
        var record = await db.Set<T>().IgnoreQueryFilters().FirstOrDefaultAsync(e => EF.Property<int>(e, "Id") == id, cancellationToken);
        if (record is null || (record.DeletedAt is not null) == deleted) return;
        record.DeletedAt = deleted ? db.UtcNow : null;
        await db.SaveChangesAsync(cancellationToken);
    }
}
