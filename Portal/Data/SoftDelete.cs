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
        string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim())).ToLowerInvariant();

    /// <summary>The form of a user's search term that matches <see cref="Build"/>.</summary>
    public static string Normalize(string? term) => (term ?? "").Trim().ToLowerInvariant();
}
